"""The quiz, the eligibility check and the planner as conversations; the route picture."""

from PIL import Image

from bot.pictures import draw_route
from knowledge.paths import Graph
from tests.bot.flows.conversation import Person


async def test_the_quiz_suggests_three_jobs_with_reasons(engine):
    person = Person(engine)
    assert "What draws you most?" in await person.says("what job would suit me")
    await person.taps("Clinical work")
    await person.says("no, never")
    await person.taps("None or GCSEs")
    await person.taps("No")
    await person.taps("Either")
    result = await person.taps("Yes")
    assert result.startswith("Three jobs that could suit you:")
    assert result.count("Why it fits:") == 3
    assert sum(label.startswith("Register interest") for label in person.labels) == 3
    again = Person(engine, ref="test:again")
    await again.says("/explore")
    for label in ("Clinical work", "No, never", "None or GCSEs", "No", "Either", "Yes"):
        await again.taps(label)
    assert again.text == result  # the same answers, the same suggestions


async def test_the_quiz_can_be_cancelled_and_asks_again_on_odd_answers(engine):
    person = Person(engine)
    await person.says("/explore")
    assert "Please tap one of the answers" in await person.says("purple")
    assert "quiz stopped" in await person.says("cancel")


async def test_the_eligibility_check(engine):
    person = Person(engine)
    assert "How old are you?" in await person.says("am I eligible for an apprenticeship")
    assert "type your age" in await person.says("old enough")
    await person.says("17")
    await person.taps("Yes")
    await person.taps("No")
    result = await person.taps("Not sure")
    assert "You could start these now:" in result
    assert "Adult Care Worker apprenticeship (Level 2, ST0005)" in result
    assert "check you have English and maths at Level 2" in result
    assert "live in England and not be in full-time education" in result


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
