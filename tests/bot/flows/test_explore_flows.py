"""The quiz, the eligibility check and the planner as conversations; the route picture."""

from PIL import Image

from bot.answers.pictures import draw_route
from knowledge.guidance.paths import Graph
from tests.bot.flows.conversation import Person


async def test_the_quiz_suggests_three_jobs_with_reasons(engine):
    person = Person(engine)
    assert "What draws you most?" in await person.says("what job would suit me")
    await person.taps("Clinical work")
    await person.says("no, never")
    await person.taps("None or GCSEs")
    await person.taps("No")
    await person.says("I'm 17")
    await person.taps("Either")
    result = await person.taps("Yes")
    assert result.startswith("Three jobs that could suit you")
    assert result.count("Why it fits:") == 3
    assert sum(label.startswith("Register interest") for label in person.labels) == 3
    again = Person(engine, ref="test:again")
    await again.says("/explore")
    for label in ("Clinical work", "No, never", "None or GCSEs", "No", "16 or 17", "Either", "Yes"):
        await again.taps(label)
    assert again.text == result  # the same answers, the same suggestions


async def test_the_quiz_can_be_cancelled_and_asks_again_on_odd_answers(engine):
    person = Person(engine)
    await person.says("/explore")
    assert "Please choose one of the answers" in await person.says("purple")
    assert "quiz stopped" in await person.says("cancel")


async def test_the_eligibility_check(engine):
    person = Person(engine)
    assert "How old are you?" in await person.says("am I eligible for an apprenticeship")
    assert "type your age" in await person.says("old enough")
    await person.says("17")
    await person.taps("Yes")
    await person.taps("No")
    await person.taps("Not sure")
    result = await person.taps("None or GCSEs")
    assert "You could start these now:" in result
    assert "• Level 2: Adult Care Worker" in result
    assert result.index("Level 2:") < result.index("Level 3:") < result.index("Level 5:")
    assert "check you have English and maths at Level 2" in result
    assert "live in England and not be in full-time education" in result
    assert "apprenticeship apprenticeship" not in result


async def test_the_eligibility_check_names_what_was_read_and_lists_only_what_fits(engine):
    person = Person(engine)
    await person.says("nursing associate apprenticeship")
    await person.says("/eligible")
    await person.says("30")
    await person.says("yes i do")
    await person.says("no")
    await person.says("no")
    result = await person.says("A levels")
    assert result.startswith("The Nursing Associate (NMC 2018) apprenticeship (Level 5, ST0827)")
    assert "first, get English and maths at Level 2" in result
    assert " it " not in result.split("\n")[0]
    assert (
        "foundation" not in result
    )  # for ages up to 21 (24 with support): never for a 30-year-old
    assert "After you get English and maths at Level 2:\n• Level 5: Nursing Associate" in result


async def test_a_route_question_answers_with_a_picture(engine):
    person = Person(engine)
    await person.says("how can a care worker become a nurse")
    [reply] = person.replies
    assert "Nursing associate" in reply.text and reply.image_path


def test_the_picture_is_a_sensible_png_and_not_blank(knowledge, tmp_path):
    route = Graph.of(knowledge).plan("care-worker", "registered-manager")[0]
    path = draw_route(knowledge, route, tmp_path)
    with Image.open(path) as image:
        assert image.format == "PNG"
        assert 600 <= image.width <= 1200 and 300 <= image.height <= 1500
        colours = image.convert("RGB").getcolors(maxcolors=100_000)
        assert colours is not None and len(colours) > 20  # text and boxes, not a blank page
    assert path.stat().st_size > 5_000


async def test_the_quiz_and_the_check_say_how_far_through_they_are(engine):
    person = Person(engine)
    assert "Question 1 of 7: What draws you most?" in await person.says("/explore")
    assert (await person.taps("Helping people day to day")).startswith("Question 2 of 7: ")
    assert "Question 2 of 7: " in await person.says("purple")  # asked again, still 2 of 7
    checking = Person(engine, ref="test:2")
    assert "Question 1 of 5" in await checking.says("/eligible")
    assert (await checking.says("17")).startswith("Question 2 of 5: ")


async def test_the_quiz_asks_age_and_never_suggests_what_age_rules_out(engine):
    answers = ("Helping people day to day", "No, never", "None or GCSEs", "No")
    older, younger = Person(engine, ref="test:older"), Person(engine, ref="test:younger")
    for person, age in ((older, "25 or over"), (younger, "16 or 17")):
        await person.says("/explore")
        for label in answers:
            await person.taps(label)
        assert "How old are you?" in person.text
        await person.taps(age)
        await person.taps("Either")
        await person.taps("Yes")
    assert "Foundation apprentice" not in older.text  # 16 to 21 (24 with an EHC plan)
    assert "Foundation apprentice" in younger.text
    for person in (older, younger):
        assert "1. Care worker." in person.text  # drawn to helping, no experience, no car
        assert len(person.text) < 900  # a phone screen, not three: the buttons say the rest


async def test_the_check_asks_for_level_3_and_lists_degree_apprenticeships_after_it(engine):
    person = Person(engine)
    await person.says("/eligible")
    await person.says("19")
    await person.taps("Yes")
    await person.taps("No")
    await person.taps("Yes")
    assert "What is the highest qualification you have?" in person.text
    result = await person.taps("None or GCSEs")
    now = result.split("You could start these now:")[1].split("\n\n")[0]
    assert "Level 2:" in now and "Level 6" not in now and "Level 7" not in now
    assert "get a Level 3 qualification, such as A levels" in result
    assert all(line.count(",") <= 3 for line in result.splitlines() if line.startswith("• Level"))
    graduate = Person(engine, ref="test:graduate")
    await graduate.says("/eligible")
    await graduate.says("23")
    for label in ("Yes", "No", "Yes", "A degree"):
        await graduate.taps(label)
    assert "Level 6:" in graduate.text.split("You could start these now:")[1].split("\n\n")[0]
