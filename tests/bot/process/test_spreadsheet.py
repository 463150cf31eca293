"""Every CSV CarePath writes is safe to open in a spreadsheet."""

import csv
import io

from bot.process.spreadsheet import safe_cell, safe_csv


def test_formulas_are_kept_as_text_and_escapes_dropped_but_phone_numbers_left_alone():
    assert safe_cell('=HYPERLINK("http://x","click")') == '\'=HYPERLINK("http://x","click")'
    assert safe_cell("@SUM(A1:A9)") == "'@SUM(A1:A9)"
    assert safe_cell("+1+1") == "'+1+1"
    assert safe_cell("-2+3") == "'-2+3"
    assert safe_cell("+44 7911 123456") == "+44 7911 123456"
    assert safe_cell("red\x1b[31m text\x07") == "red[31m text"
    assert safe_cell(3) == 3


def test_a_whole_csv_reads_back_as_the_safe_cells():
    text = safe_csv([{"a": "=1+1", "b": "fine"}], ["a", "b"])
    [row] = list(csv.DictReader(io.StringIO(text)))
    assert row == {"a": "'=1+1", "b": "fine"}
