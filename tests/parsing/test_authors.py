"""The article's own authors are not among the people it names."""

from articles.parsing.authors import byline_names
from articles.parsing.entities import extract_entities

from .seed_body import authority


def test_a_byline_names_each_author_without_titles_or_letters():
    assert byline_names("Amira Patel and Liam Coyle") == {"amira patel", "liam coyle"}
    assert byline_names("Amira Patel, Liam Coyle") == {"amira patel", "liam coyle"}
    assert byline_names("Amira Patel & Liam Coyle") == {"amira patel", "liam coyle"}
    assert byline_names("Helen Marlowe MP") == {"helen marlowe"}
    assert byline_names("Dr Jo Bloggs OBE") == {"jo bloggs"}
    assert byline_names("") == set()


def test_the_author_named_in_a_sign_off_or_bio_is_not_a_person_of_the_article():
    paragraphs = [
        "Councils brace for the reforms",
        "Nadia Kowalczyk, a former team manager, said the plans would need money.",
        "Lena Hart, a social worker, said: “We are ready.”",
        "Nadia Kowalczyk has received funding from a research council.",
    ]
    people = extract_entities(paragraphs, authority(), author="Nadia Kowalczyk").people
    assert [p.name for p in people] == ["Lena Hart"]
    # Without the byline she is one of the people the text names.
    people = extract_entities(paragraphs, authority()).people
    assert sorted(p.name for p in people) == ["Lena Hart", "Nadia Kowalczyk"]


def test_someone_named_only_in_credit_lines_is_the_author_not_a_person_of_the_article():
    paragraphs = [
        "I have been a social worker for nine years",
        "Tom Reyes",
        "Lena Hart, a team manager, said the reforms were overdue.",
        "Written by Tom Reyes",
    ]
    assert [p.name for p in extract_entities(paragraphs, authority()).people] == ["Lena Hart"]


def test_someone_named_in_the_text_as_well_as_a_credit_line_is_a_person_of_the_article():
    paragraphs = [
        "Tom Reyes",
        "Tom Reyes, a team manager, said the reforms were overdue.",
    ]
    assert [p.name for p in extract_entities(paragraphs, authority()).people] == ["Tom Reyes"]


def test_the_photographer_a_picture_credit_names_is_not_a_person_of_the_article():
    paragraphs = [
        "Claire Coutinho, the children’s minister, said the plans would help. "
        "Credit: Jeff Gilbert for The Telegraph",
        "Lena Hart, a team manager, said the reforms were overdue. Photograph: Amy Ward/PA",
    ]
    people = extract_entities(paragraphs, authority()).people
    assert sorted(p.name for p in people) == ["Claire Coutinho", "Lena Hart"]


def test_the_photographer_after_a_copyright_mark_is_not_a_person_of_the_article():
    paragraphs = [
        "Lena Hart, a team manager, says the market ‘is not working’ © Amy Ward/Bloomberg",
        "Councils said the reforms were overdue. Copyright Tom Reyes",
    ]
    people = extract_entities(paragraphs, authority()).people
    assert [p.name for p in people] == ["Lena Hart"]
