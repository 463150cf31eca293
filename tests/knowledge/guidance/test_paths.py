"""Route planning over small graphs: quickest route, alternatives, unreachable goals, cycles."""

from knowledge.base.schema import Step
from knowledge.guidance.paths import Graph

SOURCE = "https://www.gov.uk/"


def step(start: str, goal: str, months: int, earning: bool = True) -> Step:
    return Step.model_validate(
        {
            "from": start,
            "to": goal,
            "qualification": "training",
            "months": months,
            "earning": earning,
            "as_of": "2026-04",
            "source": SOURCE,
        }
    )


def test_quickest_route_wins_over_fewer_steps():
    graph = Graph([step("a", "d", 60), step("a", "b", 12), step("b", "d", 24)])
    routes = graph.plan("a", "d")
    assert [r.roles for r in routes] == [("a", "b", "d"), ("a", "d")]
    assert routes[0].months == 36


def test_up_to_two_alternatives_in_order_of_time():
    graph = Graph(
        [
            step("a", "b", 10),
            step("b", "z", 10),
            step("a", "c", 15),
            step("c", "z", 10),
            step("a", "d", 20),
            step("d", "z", 10),
            step("a", "e", 30),
            step("e", "z", 10),
        ]
    )
    routes = graph.plan("a", "z", alternatives=2)
    assert [r.months for r in routes] == [20, 25, 30]
    assert [r.roles[1] for r in routes] == ["b", "c", "d"]


def test_unreachable_goal_gives_no_route():
    graph = Graph([step("a", "b", 10), step("c", "d", 10)])
    assert graph.plan("a", "d") == []
    assert graph.plan("b", "a") == []


def test_cycles_do_not_loop_or_repeat_a_role():
    graph = Graph(
        [
            step("a", "b", 5),
            step("b", "a", 5),
            step("b", "c", 5),
            step("c", "a", 1),
            step("c", "d", 5),
        ]
    )
    routes = graph.plan("a", "d", alternatives=5)
    assert [r.roles for r in routes] == [("a", "b", "c", "d")]
    assert graph.reachable_from("a") == {"b", "c", "d"}


def test_earning_throughout_only_when_every_step_pays():
    graph = Graph([step("a", "b", 12), step("b", "c", 36, earning=False)])
    assert graph.plan("a", "b")[0].earning_throughout
    assert not graph.plan("a", "c")[0].earning_throughout


def test_two_steps_between_the_same_roles_keep_the_quicker():
    graph = Graph([step("a", "b", 30), step("a", "b", 18)])
    assert graph.plan("a", "b")[0].months == 18


def test_a_roles_leads_to_is_reachable_but_untimed():
    graph = Graph([step("a", "b", 12)], onward={"b": ["c"], "x": ["a"]})
    assert graph.reachable_from("x") == {"a", "b", "c"}
    assert graph.starts == {"a", "b", "x"}
    assert graph.plan("b", "c") == []  # no timed steps: the answer says how to get in instead
    assert [route.roles for route in graph.plan("a", "b")] == [("a", "b")]


def test_the_moves_people_ask_about_most_are_planned_on_the_shipped_base():
    from knowledge.base.loader import load

    graph = Graph.of(load())
    for start, goal in [
        ("emergency-care-assistant", "paramedic"),
        ("pharmacy-technician", "pharmacist"),
        ("registered-nurse", "health-visitor"),
        ("diagnostic-radiographer", "sonographer"),
        ("healthcare-science-assistant", "biomedical-scientist"),
    ]:
        routes = graph.plan(start, goal)
        assert routes and routes[0].months > 0, (start, goal)
