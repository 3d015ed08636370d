"""Near-miss spellings of known people's names."""

from articles.parsing.entities import extract_entities
from articles.parsing.spelling import similar_full_names, sounds_like_rare_surname, split_name

from .seed_body import authority


def test_a_surname_with_the_same_consonants_and_other_vowels_sounds_alike():
    assert sounds_like_rare_surname("Monroe", "Munro")
    assert sounds_like_rare_surname("Trowlar", "Trowler")
    # Other consonants make another surname ("Dixon" is not "Dickson").
    assert not sounds_like_rare_surname("Dixon", "Dickson")
    # Next to a common surname a sound-alike is a surname of its own.
    assert not sounds_like_rare_surname("Jonas", "Jones")


def test_a_full_name_whose_surname_sounds_like_a_rare_one_is_a_misspelling_of_it():
    assert similar_full_names("Eileen Monroe", "Eileen Munro")
    assert not similar_full_names("Ray Jonas", "Ray Jones")
    assert not similar_full_names("Ian Dixon", "Ian Dickson")
    # A transposition is caught by the edit distance.
    assert similar_full_names("Claire Couthino", "Claire Coutinho")


def test_misspelt_known_people_are_linked_to_them_and_flagged():
    paragraphs = [
        "Eileen Monroe's 2011 review warned against a compliance culture.",
        "Children's minister Claire Couthino said “love and stability” matter.",
    ]
    people = {p.name: p for p in extract_entities(paragraphs, authority()).people}
    assert sorted(people) == ["Claire Coutinho", "Eileen Munro"]
    assert people["Eileen Munro"].new_aliases == ["Eileen Monroe"]
    assert people["Claire Coutinho"].new_aliases == ["Claire Couthino"]
    assert people["Claire Coutinho"].needs_review


def test_a_peer_has_no_first_name_and_the_word_after_the_title_is_the_surname():
    assert split_name("Baroness Barran") == ("", "Barran")
    assert split_name("Lord Smith of Finsbury") == ("", "Smith")
    assert split_name("Earl of Listowel") == ("", "Listowel")
