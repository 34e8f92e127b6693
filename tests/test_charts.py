from types import SimpleNamespace

from constituencies.charts import bar_chart, seat_majorities


def test_bars_are_scaled_to_the_largest_value_and_labelled_with_it():
    chart = bar_chart(
        [("2015", 13934, ""), ("2017", 26285, "")],
        id="c",
        title="t",
        description="d",
        label_heading="Year",
        value_heading="Majority",
    )
    assert [bar.percent for bar in chart.bars] == [53.01, 100.0]
    assert [bar.text for bar in chart.bars] == ["2015: 13,934", "2017: 26,285"]
    assert chart.bars[1].label_y > chart.bars[0].bar_y
    assert chart.height == 2 * 44


def test_empty_and_zero_values_still_draw():
    assert (
        bar_chart([], id="c", title="", description="", label_heading="", value_heading="").bars
        == []
    )
    zero = bar_chart(
        [("x", 0, "")], id="c", title="", description="", label_heading="", value_heading=""
    )
    assert zero.bars[0].percent == 0.5


def test_seat_chart_puts_the_smallest_majority_first_and_skips_unknown_ones():
    def seat(name, votes, official):
        return SimpleNamespace(
            name=name,
            majority_votes=votes,
            majority_year=2017 if votes else None,
            official_majority_votes=votes if official else None,
        )

    seats = [seat("B", 26285, True), seat("A", None, False), seat("C", 1322, False)]
    chart = seat_majorities(seats)
    assert [bar.text for bar in chart.bars] == [
        "C: 1,322 (2017, reported)",
        "B: 26,285 (2017)",
    ]
