import pytest

from articles.parsing.entities import NEW_ORGANISATION_REASON, NEW_PERSON_REASON, extract_entities
from articles.parsing.mentions import PERSON
from articles.parsing.spelling import similar_full_names, similar_surnames, split_name

from . import other_outlet
from .seed_body import EXPECTED_BODIES, authority, body_paragraphs
from .seeds import EXPECTED, SEED_NAMES


def entities_of(*paragraphs):
    return extract_entities(list(paragraphs), authority())


def person(entities, name):
    return next(p for p in entities.people if p.name == name)


def names(refs):
    return sorted(ref.name for ref in refs)


@pytest.fixture(scope="module")
def seeds():
    return {name: extract_entities(body_paragraphs(name), authority()) for name in SEED_NAMES}


# --- The seeds, against expected.json ---------------------------------------------------


@pytest.mark.parametrize("name", SEED_NAMES)
def test_seed_people_are_exactly_the_expected_ones(seeds, name):
    assert names(seeds[name].people) == sorted(EXPECTED[name]["people"])


@pytest.mark.parametrize("name", SEED_NAMES)
def test_seed_review_bodies_are_exactly_the_expected_ones(seeds, name):
    assert names(seeds[name].review_bodies) == sorted(EXPECTED[name].get("review_bodies", []))


@pytest.mark.parametrize("name", SEED_NAMES)
def test_seed_organisations_include_the_expected_ones(seeds, name):
    found = set(names(seeds[name].organisations))
    assert set(EXPECTED[name]["organisations_include"]) <= found


@pytest.mark.parametrize("name", [n for n in SEED_NAMES if "aliases_in_text" in EXPECTED[n]])
def test_seed_spellings_in_the_text_resolve_to_the_person(seeds, name):
    for canonical, spellings in EXPECTED[name]["aliases_in_text"].items():
        assert set(spellings) <= set(person(seeds[name], canonical).spellings)


def test_seed_memberships_and_chairs(seeds):
    stated = {(m.person, m.body, m.role) for e in seeds.values() for m in e.memberships}
    for body in EXPECTED_BODIES:
        if "chair" in body:
            assert (body["chair"], body["name"], "chair") in stated
        for member in body["members_include"]:
            assert (member, body["name"], "member") in stated
    # The selection panel "chaired by Josh" in seed 003 is not the Board.
    assert ("Josh MacAlister", "Experts by Experience Board", "chair") not in stated


def test_seed_facts_about_the_board(seeds):
    facts = [
        f.text for e in seeds.values() for f in e.facts if f.body == "Experts by Experience Board"
    ]
    assert any("1,011 applications" in fact for fact in facts)
    assert "members of the board will sit on both the Evidence and Design Groups" in " ".join(facts)
    assert any(fact.startswith("The Board will help guide the review") for fact in facts)


def test_seed_membership_sentences_are_not_also_facts(seeds):
    facts = [f.text for e in seeds.values() for f in e.facts]
    assert not any("chaired by Leon Feinstein" in fact for fact in facts)


def test_known_misspelling_in_the_authority_file_needs_no_review(seeds):
    dickson = person(seeds["002_5dc0658c0538405e.txt"], "Ian Dickson")
    assert dickson.spellings == ["Ian Dickinson"]
    assert (dickson.known, dickson.needs_review, dickson.new_aliases) == (True, False, [])


def test_discovered_people_are_flagged_for_review_with_their_role(seeds):
    found = {p.name: p for e in seeds.values() for p in e.people if not p.known}
    assert all(p.needs_review and p.review_reason == NEW_PERSON_REASON for p in found.values())
    assert found["Gavin Williamson"].role == "education secretary"
    assert found["Rachel de Souza"].role == "children’s commissioner for England"
    assert found["Dez Holmes"].role == "Research in Practice Director"
    assert found["Lisa Harker"].role == "Nuffield Family Justice Observatory Director"
    assert found["John Simmonds"].role == (
        "Director of Policy, Research and Development at CoramBAAF"
    )
    assert found["Shazia Hussain"].role == "head of the Review team"
    assert found["Jenny Molloy"].role == "care leaver and author"


def test_known_people_keep_the_authority_role(seeds):
    assert "Chair" in person(seeds["001_25bb43c5fd41dc62.txt"], "Josh MacAlister").role


def test_first_name_counts_once_the_full_name_appears_anywhere(seeds):
    josh = person(seeds["003_d6ae2bbb91ba916e.txt"], "Josh MacAlister")
    assert josh.spellings[0] == "Josh"  # "Josh also described ..." comes before the full name
    assert josh.count == 8


def test_mentions_give_the_span_and_canonical_name_of_each_reference(seeds):
    paragraphs = body_paragraphs("001_25bb43c5fd41dc62.txt")
    mentions = [m for m in seeds["001_25bb43c5fd41dc62.txt"].mentions if m.kind == PERSON]
    written = {(paragraphs[m.paragraph][m.start : m.end], m.name) for m in mentions}
    assert ("Mr MacAllister", "Josh MacAlister") in written
    assert ("Mr Williamson", "Gavin Williamson") in written


def test_discovered_organisations_are_flagged_and_acronyms_count_as_spellings(seeds):
    esrc = next(
        o for o in seeds["000_53d296c89f0bca95.txt"].organisations if o.name.startswith("Economic")
    )
    assert esrc.spellings == ["Economic and Social Research Council", "ESRC"]
    assert (esrc.known, esrc.needs_review, esrc.review_reason) == (
        False,
        True,
        NEW_ORGANISATION_REASON,
    )


def test_review_bodies_are_not_organisations(seeds):
    for entities in seeds.values():
        assert not {"Experts by Experience Board", "Evidence Group", "Design Group"} & set(
            names(entities.organisations)
        )


# --- People in texts of our own -----------------------------------------------------------


def test_phrases_that_look_like_names_are_not_people():
    entities = entities_of(
        "What Works and the Case for Change were discussed by the Chief Social Worker.",
        "Home for Good, St George’s and Who Cares? Scotland joined Young People Now in Wellington.",
    )
    assert entities.people == []


def test_a_headline_in_title_case_is_not_mined_for_names():
    assert entities_of("Review Welcomes Grace Period For Councils And Families").people == []


def test_honorifics_and_post_nominals_are_not_part_of_the_name():
    entities = entities_of(
        "Dr Maria Okafor OBE, a consultant clinical psychologist, said the plans were bold."
    )
    okafor = person(entities, "Maria Okafor")
    assert okafor.spellings == ["Maria Okafor"]
    assert okafor.role == "consultant clinical psychologist"


def test_an_unfamiliar_first_name_counts_with_a_title_before_it():
    entities = entities_of(
        "Oyinkan Adebayo met the minister.",
        "Charity director Olamide Bakare said the review must listen.",
    )
    assert names(entities.people) == ["Olamide Bakare"]
    assert person(entities, "Olamide Bakare").role == "Charity director"


def test_a_particle_stays_in_the_surname_and_the_surname_alone_refers_back():
    entities = entities_of(
        "The report was welcomed by Laura van der Berg of the University of Leeds.",
        "Van der Berg said it was overdue.",
    )
    berg = person(entities, "Laura van der Berg")
    assert berg.count == 2
    assert split_name("Laura van der Berg") == ("Laura", "van der Berg")
    assert "University of Leeds" in names(entities.organisations)


def test_a_surname_alone_is_nobody_without_the_full_name():
    assert entities_of("Jones said the plan was flawed.").people == []
    entities = entities_of("Ray Jones spoke first.", "Jones said the plan was flawed.")
    assert person(entities, "Ray Jones").count == 2


def test_a_near_miss_spelling_of_a_known_surname_is_linked_and_flagged():
    entities = entities_of(
        "Isabelle Trowler addressed the conference.", "Ms Trowller said practice must change."
    )
    trowler = person(entities, "Isabelle Trowler")
    assert trowler.spellings == ["Isabelle Trowler", "Ms Trowller"]
    assert trowler.new_aliases == ["Trowller"]
    assert trowler.needs_review
    assert "Trowller" in trowler.review_reason


def test_a_misspelt_surname_of_a_newly_found_person_keeps_both_reasons():
    williamson = person(
        entities_of("Gavin Williamson spoke.", "Mr Wiliamson then left."), "Gavin Williamson"
    )
    assert williamson.spellings == ["Gavin Williamson", "Mr Wiliamson"]
    assert williamson.review_reason == (
        "newly discovered person; spelling “Wiliamson” linked to Gavin Williamson"
    )


def test_a_near_miss_full_name_of_a_known_person_is_linked_and_flagged():
    trowler = person(entities_of("Isabel Trowler said practice must change."), "Isabelle Trowler")
    assert (trowler.known, trowler.new_aliases, trowler.needs_review) == (
        True,
        ["Isabel Trowler"],
        True,
    )


def test_a_spelling_already_in_the_authority_file_is_not_flagged():
    josh = person(
        entities_of("Josh MacAlister spoke.", "Mr McAlistair later added a caveat."),
        "Josh MacAlister",
    )
    assert josh.spellings == ["Josh MacAlister", "Mr McAlistair"]
    assert (josh.new_aliases, josh.needs_review) == ([], False)


def test_a_longer_surname_is_another_person_not_a_misspelling():
    assert not similar_surnames("Williams", "Williamson")
    assert similar_surnames("McAlistair", "MacAlister")
    assert similar_full_names("Ian Dickinson", "Ian Dickson")
    assert not similar_full_names("Ray Jonas", "Ray Jones")
    entities = entities_of("Gavin Williamson spoke.", "Mr Williams disagreed.")
    assert person(entities, "Gavin Williamson").spellings == ["Gavin Williamson"]


def test_a_short_form_two_people_share_goes_to_the_one_named_last():
    entities = entities_of(
        "Sarah Brown and Gordon Brown arrived.", "Gordon Brown spoke first.", "Brown then left."
    )
    assert person(entities, "Gordon Brown").count == 3
    assert person(entities, "Sarah Brown").count == 1


# --- Organisations in texts of our own ----------------------------------------------------


def test_organisations_from_their_words_and_their_context():
    entities = entities_of(
        "Anne Longfield told the BBC that a report by the Local Government Association (LGA) "
        "and research by academics at the University of Sussex backed the chief executive of "
        "the children’s charity Coram.",
        "The LGA said councils were stretched.",
    )
    found = {o.name: o for o in entities.organisations}
    assert {"BBC", "Local Government Association", "University of Sussex", "Coram"} <= set(found)
    # Named in full, as "(LGA)" and as "The LGA".
    assert found["Local Government Association"].count == 3
    assert "Anne Longfield" in names(entities.people)


def test_a_name_that_could_be_a_persons_is_not_taken_for_an_organisation():
    entities = entities_of("He told MPs that a report by Zubeda Limbada was right.")
    assert entities.organisations == []
    assert names(entities_of("She told Community Care so.").organisations) == ["Community Care"]


def test_known_organisations_are_found_by_every_alias():
    entities = entities_of("The DfE and WWCSC met the What Works Centre.")
    known = {o.name: o for o in entities.organisations}
    assert known["Department for Education"].known
    assert known["What Works for Children’s Social Care"].spellings == [
        "WWCSC",
        "What Works Centre",
    ]


# --- Review bodies, memberships and facts in texts of our own ------------------------------


def test_a_short_form_counts_only_after_the_full_name():
    entities = entities_of(
        "The Board met.", "The Experts by Experience Board was formed.", "The Board met again."
    )
    board = entities.review_bodies[0]
    assert (board.name, board.count) == ("Experts by Experience Board", 2)


def test_paired_and_variant_wordings_of_the_bodies():
    entities = entities_of(
        "Members of the Evidence and Design Groups and the Expert by Experience panel."
    )
    assert names(entities.review_bodies) == [
        "Design Group",
        "Evidence Group",
        "Experts by Experience Board",
    ]


def test_memberships_stated_in_several_ways():
    entities = entities_of(
        "The Evidence Group, chaired by Professor Sam Smith, met on Monday.",
        "Jane Doe, a member of the Design Group, said the work was hard.",
        "The Design Group includes Amara Okoye and Tom Hughes.",
    )
    assert sorted((m.person, m.body, m.role) for m in entities.memberships) == [
        ("Amara Okoye", "Design Group", "member"),
        ("Jane Doe", "Design Group", "member"),
        ("Sam Smith", "Evidence Group", "chair"),
        ("Tom Hughes", "Design Group", "member"),
    ]


def test_facts_state_what_a_body_is_for_and_questions_are_not_facts():
    entities = entities_of(
        "Why was the Design Group created?",
        "The Design Group will meet monthly to test the recommendations.",
        "The Design Group had sandwiches.",
    )
    assert [(f.body, f.text) for f in entities.facts] == [
        ("Design Group", "The Design Group will meet monthly to test the recommendations.")
    ]


def test_every_mention_span_points_at_its_words():
    paragraphs = body_paragraphs("000_53d296c89f0bca95.txt")
    for mention in extract_entities(paragraphs, authority()).mentions:
        assert paragraphs[mention.paragraph][mention.start : mention.end] == mention.text


# --- A page of another outlet ---------------------------------------------------------------


def test_a_national_newspaper_page():
    entities = extract_entities(other_outlet.PARAGRAPHS, authority())
    assert names(entities.people) == [
        "Anne Longfield",
        "Josh MacAlister",
        "Louise Gittins",
        "Mark Russell",
    ]
    assert person(entities, "Louise Gittins").role == (
        "chair of the LGA’s children and young people board"
    )
    assert person(entities, "Mark Russell").role == "chief executive of the Children’s Society"
    organisations = {o.name: o for o in entities.organisations}
    assert set(organisations) == {
        "The Children’s Society",  # the authority file's name for it
        "Department for Education",
        "Local Government Association",
    }
    assert organisations["Local Government Association"].spellings == [
        "Local Government Association",
        "LGA",
    ]
    assert entities.review_bodies == []


def test_a_bare_acronym_is_the_organisation_named_in_full_earlier():
    paragraphs = [
        "The Local Government Association welcomed the report.",
        "Louise Gittins, chair of the LGA's children and young people board, said it mattered.",
    ]
    entities = extract_entities(paragraphs, authority())
    names = {ref.name: ref for ref in entities.organisations}
    assert "LGA" not in names
    assert names["Local Government Association"].spellings == [
        "Local Government Association",
        "LGA",
    ]


def organisations_of(*paragraphs):
    return {ref.name: ref for ref in entities_of("Headline", "", *paragraphs).organisations}


def test_a_discovered_name_without_its_place_is_the_organisation_named_in_full():
    found = organisations_of(
        "The report was discussed with members of the Kirkholme Children in Care Council.",
        "One member of the Children in Care Council said it was too slow.",
    )
    assert list(found) == ["Kirkholme Children in Care Council"]
    assert found["Kirkholme Children in Care Council"].count == 2


def test_a_shortened_name_that_two_longer_ones_end_with_is_left_alone():
    found = organisations_of(
        "Leeds City Council and Bristol City Council agreed.",
        "The City Council said nothing more.",
    )
    assert "City Council" in found


def test_a_sentence_opening_on_a_word_the_article_uses_in_lower_case_names_no_organisation():
    found = organisations_of(
        "The review is the latest in a long history of resets.",
        "History suggests that is where resets go to die.",
        "Unite said the plans would punish workers.",
    )
    assert list(found) == ["Unite"]
