"""The people CarePath is for, played end to end: each conversation must read right."""

from tests.bot.flows.conversation import Person


async def test_a_senior_carer_who_wants_to_nurse_without_leaving_work(engine):
    carer = Person(engine, ref="terminal:senior-carer")
    await carer.says("hi, I'm a senior carer, been doing it six years")
    route = await carer.says("I want to become a nurse but I can't quit work")
    assert "From senior care worker to registered nurse" in route
    assert "the quickest route that keeps you earning:" in route
    assert "earning throughout" in route.split("Another way")[0]
    pay = await carer.says("do apprenticeships pay?")
    assert "Band" not in pay and "apprentice minimum wage" in pay
    planner = await carer.says("/pathway")
    assert "You said you work as a senior care worker" in planner
    again = await carer.taps("Registered nurse")
    assert "keeps you earning" in again
    mine = await carer.says("/mydata")
    assert "Senior care worker" in mine and "keep earning while you train" in mine
    form = await carer.says("I'd like to apply")
    assert "Question 1 of 6: What are you interested in?" in form
    await carer.says("registered nurse")
    for answer in ("Sam Jones", "07911 123456", "NG7 2RD"):
        await carer.says(answer)
    await carer.taps("Part-time")
    await carer.taps("No")
    await carer.taps("Yes, that's right")
    done = await carer.taps("Yes, send my details")
    assert "What happens now:" in done and "CP-" in done
    after = await carer.says("what happens now")
    assert "Your requests:" in after and "within 2 working days" in after
