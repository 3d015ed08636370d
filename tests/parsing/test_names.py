"""normalise_name: the form two spellings of one name share (pure, no database)."""

import pytest

from articles.parsing.names import normalise_name


@pytest.mark.parametrize(
    "written, normal",
    [
        ("Josh MacAlister", "josh macalister"),
        ("  Josh\tMacAlister\n", "josh macalister"),  # spacing of any kind, collapsed
        ("Josh\u00a0\u2003MacAlister", "josh macalister"),  # no-break and em spaces
        ("Barnardo’s", "barnardo's"),
        ("Barnardo‘s", "barnardo's"),
        ("Barnardo`s", "barnardo's"),  # the grave accent, though it is ASCII
        ("“Care” — review – 2022", '"care" - review - 2022'),
        ("ＣＹＰ　Ｎｏｗ", "cyp now"),  # full-width letters and space (NFKC)
        ("Stra\u00dfe", "strasse"),  # case folded, not only lowered
        ("Jose\u0301", "jos\u00e9"),  # a combining accent composed
        ("\u1fef", "'"),  # a character NFKC turns into a grave accent
        ("", ""),
    ],
)
def test_spellings_of_a_name_share_one_form(written, normal):
    assert normalise_name(written) == normal
