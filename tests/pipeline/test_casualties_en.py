"""English casualty mentions, with the packaged English model: outcome, victims, count.

Expected values follow the gold guide (`shared/gold/README.md`), checked by hand.
"""

from datetime import date

import pytest

PUBLISHED = date(2020, 1, 6)


def read(english, text):
    return [
        (c.outcome, c.victims, c.count.value, c.count.qualifier)
        for c in english.extract(text, PUBLISHED)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On 3 May 2019, gunmen attacked a village, killing 2 civilians.",
         [("killed", "civilians", 2, "exact")]),
        ("The air strike killed 5 people and wounded 12 others.",
         [("killed", "people", 5, "exact"), ("injured", "people", 12, "exact")]),
        ("The explosion left 12 dead.", [("killed", "people", 12, "exact")]),
        # The subject of an active harm verb with an object did the harm.
        ("On 11 June 2019, two unidentified armed men shot and killed a local leader.",
         [("killed", "people", 1, "exact")]),
        ("Two soldiers were shot and killed at a checkpoint.",
         [("killed", "security_forces", 2, "exact")]),
        # A qualifier before coordinated counts applies to each.
        ("Fighting between rival clans left at least 20 people dead and 30 injured.",
         [("killed", "people", 20, "at_least"), ("injured", "people", 30, "at_least")]),
        # A year after a month is a date, not a count.
        ("Troops on 17 July 2021 neutralised 5 Boko Haram terrorists.",
         [("killed", "rebels", 5, "exact")]),
        # "of them" are the people named before, not the subject who harmed them.
        ("Some 300 protesters gathered outside parliament; police arrested 14 of them.",
         [("detained", "civilians", 14, "exact")]),
        # Singular forms of listed nouns: "fatality", "soldier" from "soldiers".
        ("A mob attacked a market in Kisumu town. 1 fatality.",
         [("killed", "people", 1, "exact")]),
        ("The governor was wounded when gunmen fired on his convoy.",
         [("injured", "people", 1, "exact")]),
        ("The blast left seven people dead and 20 wounded.",
         [("killed", "people", 7, "exact"), ("injured", "people", 20, "exact")]),
        ("Two soldiers were shot dead at a checkpoint.",
         [("killed", "security_forces", 2, "exact")]),
        ("A man stabbed a woman to death in the market.", [("killed", "women", 1, "exact")]),
        ("Troops killed the Taliban leader, Mullah Omar, in a raid.",
         [("killed", "rebels", 1, "exact")]),
        ("The army said no fatalities were reported.", [("killed", "people", 0, "exact")]),
        ("No one was killed in the attack.", [("killed", "people", 0, "exact")]),
        ("No one was killed or injured.",
         [("killed", "people", 0, "exact"), ("injured", "people", 0, "exact")]),
        ("Gunmen abducted 12 villagers overnight.", [("kidnapped", "civilians", 12, "exact")]),
        ("Police detained two suspected insurgents.", [("detained", "rebels", 2, "exact")]),
        # "multiple" is a vague count, like "several"; "at the least" a qualifier.
        ("The force detained multiple suspected insurgents.",
         [("detained", "rebels", 2, "vague")]),
        ("Multiple suspected insurgents were also detained during the operation.",
         [("detained", "rebels", 2, "vague")]),
        ("The force seized multiple weapons and multiple firearms.", []),
        ("The strike killed at the least eight volunteer fighters.",
         [("killed", "security_forces", 8, "at_least")]),
        # Person nouns the lexicon lacked: a thief, a clan militia.
        ("A mob beat a suspected thief to death in the market.",
         [("killed", "people", 1, "exact")]),
        ("1 clan militia was killed in the clashes.", [("killed", "combatants", 1, "exact")]),
        # A bare count takes the victims named before it, but "no civilians" names nobody.
        ("The force killed multiple armed insurgents. After ensuring there were no "
         "civilians nearby, the force engaged with an airstrike, killing several.",
         [("killed", "rebels", 2, "vague"), ("killed", "rebels", 2, "vague")]),
        ("At least 30 people were killed.", [("killed", "people", 30, "at_least")]),
        ("More than 330 people have died.", [("killed", "people", 330, "more_than")]),
        ("Some 50 people were wounded.", [("injured", "people", 50, "about")]),
        ("Nearly 50 civilians were killed.", [("killed", "civilians", 50, "about")]),
        ("About 50 soldiers were captured.", [("detained", "security_forces", 50, "about")]),
        ("Up to 20 people are missing.", [("missing", "people", 20, "at_most")]),
        ("Fewer than 10 people were hurt.", [("injured", "people", 10, "less_than")]),
        ("A dozen policemen were wounded.", [("injured", "security_forces", 12, "about")]),
        ("At least a dozen children were killed.", [("killed", "children", 12, "at_least")]),
        ("Dozens of people were injured.", [("injured", "people", 24, "vague")]),
        ("Hundreds of people have fled.", [("displaced", "people", 200, "vague")]),
        ("Thousands of residents fled the fighting.",
         [("displaced", "civilians", 2000, "vague")]),
        ("Several soldiers were killed.", [("killed", "security_forces", 2, "vague")]),
        ("Twenty-two miners were killed.", [("killed", "civilians", 22, "exact")]),
        ("The war has killed 1,400 people.", [("killed", "people", 1400, "exact")]),
        ("Between 10 and 15 militants were killed.", [("killed", "rebels", 10, "range")]),
        ("The strike killed 9 civilians, including 3 children.",
         [("killed", "civilians", 9, "exact"), ("killed", "children", 3, "exact")]),
        ("The attack killed 40 people; 12 of them were women.",
         [("killed", "people", 40, "exact"), ("killed", "women", 12, "exact")]),
        ("Police said the three dead were all farmers.",
         [("killed", "civilians", 3, "exact")]),
        ("The driver was wounded, police said.", [("injured", "civilians", 1, "exact")]),
        ("A policeman was killed and another was wounded.",
         [("killed", "security_forces", 1, "exact"),
          ("injured", "security_forces", 1, "exact")]),
        ("Militants killed four soldiers and wounded three.",
         [("killed", "security_forces", 4, "exact"),
          ("injured", "security_forces", 3, "exact")]),
        ("Six jihadists were killed by troops.", [("killed", "rebels", 6, "exact")]),
        ("Five insurgents and two police officers were killed.",
         [("killed", "rebels", 5, "exact"), ("killed", "security_forces", 2, "exact")]),
        # The guide: a qualifier before coordinated numbers applies to each.
        ("At least 11 people were killed and 64 wounded.",
         [("killed", "people", 11, "at_least"), ("injured", "people", 64, "at_least")]),
        ("The bombing killed at least 17 people and wounded 41.",
         [("killed", "people", 17, "at_least"), ("injured", "people", 41, "at_least")]),
        ("Three journalists were arrested on Monday.",
         [("detained", "journalists", 3, "exact")]),
        ("Two aid workers were kidnapped near the border.",
         [("kidnapped", "aid_workers", 2, "exact")]),
        ("Four nurses were injured by shelling.", [("injured", "medical_workers", 4, "exact")]),
        ("The floods displaced 20,000 people.", [("displaced", "people", 20000, "exact")]),
        ("Some 700,000 people have been displaced.",
         [("displaced", "people", 700000, "about")]),
        ("Tens of thousands of people have been killed.",
         [("killed", "people", 20000, "vague")]),
    ],
)
def test_mentions(english, text, expected):
    assert read(english, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "A crowd of 3,000 protesters marched to parliament.",
        "Hundreds of students marched through the capital.",
        "A 12-year-old boy was among the marchers.",
        "The United States pledged $200 million in aid.",
        "The army deployed 3,000 troops to the region.",
        "Kenya offered to send 1,000 police officers.",
        "The country hosts more than 600,000 refugees.",
        "Five villages were captured by the army.",
        "The attack took place 20 km north of the capital.",
        "Troops seized two rifles and 500 rounds of ammunition.",
        "Many people were killed in the attack.",
        "Civilians were killed in the shelling.",
        "No group claimed responsibility for the attack.",
        "The 10-storey building collapsed.",
        "Victims were taken to hospital.",
        "Police recorded 1,123 civilian casualties.",
        "The army detained numerous suspected insurgents.",
        "The gang forced 3 shopkeepers to pay a ransom.",
        "Rescuers pulled 14 survivors from the rubble.",
        "More than 100 people attended the funeral of the three victims.",
        "Police questioned 12 people about the attack.",
        "Five people were rescued from the building.",
        "About 2,000 people took part in the march.",
    ],
)
def test_not_claims(english, text):
    assert read(english, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Regressions found reading English reports.
        ("A 63-year-old man was killed by a guided bomb.", [("killed", "men", 1, "exact")]),
        ("The strike killed a 68-year-old man and wounded his wife.",
         [("killed", "men", 1, "exact"), ("injured", "women", 1, "exact")]),
        ("Police found the bodies of 14 men in a ditch.", [("killed", "men", 14, "exact")]),
        ("Four civilians including a councillor were killed on Sunday.",
         [("killed", "civilians", 4, "exact"), ("killed", "civilians", 1, "exact")]),
        ("A journalist and his cameraman were wounded.",
         [("injured", "journalists", 1, "exact"), ("injured", "journalists", 1, "exact")]),
        ("Police arrested 3 suspected ADF collaborators.", [("detained", "people", 3, "exact")]),
        ("A combined force killed one insurgent and wounded another.",
         [("killed", "rebels", 1, "exact"), ("injured", "rebels", 1, "exact")]),
        ("Troops seized two homemade rifles.", []),
        ("Gunmen killed 17 civilians and abducted an unknown number of villagers.",
         [("killed", "civilians", 17, "exact")]),
        ("The leader was captured along with two of his aides.",
         [("detained", "people", 1, "exact"), ("detained", "people", 2, "exact")]),
        ("The hospital received 35 wounded, including 8 children.",
         [("injured", "people", 35, "exact"), ("injured", "children", 8, "exact")]),
        ("UNAMA documented 1,659 civilians killed, including 468 children and 219 women, "
         "and 3,524 injured, including 1,214 children.",
         [("killed", "civilians", 1659, "exact"), ("killed", "children", 468, "exact"),
          ("killed", "women", 219, "exact"), ("injured", "civilians", 3524, "exact"),
          ("injured", "children", 1214, "exact")]),
        ("MINUSMA documented 287 killings, 92 injuries and 67 abductions of civilians.",
         [("killed", "civilians", 287, "exact"), ("injured", "civilians", 92, "exact"),
          ("kidnapped", "civilians", 67, "exact")]),
        ("No one was killed in the attack on the town.", [("killed", "people", 0, "exact")]),
        ("The militants executed five hostages.", [("killed", "civilians", 5, "exact")]),
        # The bomber who blew himself up died too, once (the French annotators count
        # "un kamikaze s'est fait exploser"; conflict coders count the attacker's death).
        ("Police said a bomber blew himself up, killing himself and two police officers.",
         [("killed", "rebels", 1, "exact"), ("killed", "security_forces", 2, "exact")]),
        ("The death toll from Sunday's bombing has risen to 45.",
         [("killed", "people", 45, "exact")]),
        ("At least 8 people lost their lives in the attack.",
         [("killed", "people", 8, "at_least")]),
        ("Nine civilians were reported killed in the strikes.",
         [("killed", "civilians", 9, "exact")]),
        ("Of the 20 people killed, 15 were civilians.",
         [("killed", "people", 20, "exact"), ("killed", "civilians", 15, "exact")]),
        ("The fighting forced 50,000 people to flee.",
         [("displaced", "people", 50000, "exact")]),
        ("Twelve suspects were taken into custody.", [("detained", "people", 12, "exact")]),
        ("The floods claimed the lives of 20 people.", [("killed", "people", 20, "exact")]),
        ("Three men were found dead near the river.", [("killed", "men", 3, "exact")]),
        ("Gunmen shot dead three traders and kidnapped two others.",
         [("killed", "civilians", 3, "exact"), ("kidnapped", "civilians", 2, "exact")]),
        ("The raid resulted in the death of 3 terrorists and the capture of 2 others.",
         [("killed", "rebels", 3, "exact"), ("detained", "rebels", 2, "exact")]),
        ("The fighters had led 10-15 soldiers away as prisoners.",
         [("detained", "security_forces", 10, "range")]),
        ("The gunmen took 20 passengers hostage.", [("kidnapped", "civilians", 20, "exact")]),
        ("Two people, a man and a woman, were killed in the shooting.",
         [("killed", "people", 2, "exact"), ("killed", "men", 1, "exact"),
          ("killed", "women", 1, "exact")]),
        ("Five soldiers, two of them officers, were killed.",
         [("killed", "security_forces", 5, "exact"),
          ("killed", "security_forces", 2, "exact")]),
        ("Militants killed 5 soldiers, 2 policemen and 3 civilians.",
         [("killed", "security_forces", 5, "exact"), ("killed", "security_forces", 2, "exact"),
          ("killed", "civilians", 3, "exact")]),
        ("The attackers killed the imam and abducted his two sons.",
         [("killed", "civilians", 1, "exact"), ("kidnapped", "children", 2, "exact")]),
        ("Nine people were killed on 12 May, and 14 on 13 May.",
         [("killed", "people", 9, "exact"), ("killed", "people", 14, "exact")]),
        ("TROOPS ARREST 12 SUSPECTED KIDNAPPERS IN KADUNA",
         [("detained", "rebels", 12, "exact")]),
        ("One soldier paid the supreme price and two others sustained gunshot wounds.",
         [("killed", "security_forces", 1, "exact"),
          ("injured", "security_forces", 2, "exact")]),
        ("Security forces killed 2 armed men who opened fire on them.",
         [("killed", "rebels", 2, "exact")]),
        ("The toll climbed to 52, with another 70 people being treated for wounds.",
         [("killed", "people", 52, "exact"), ("injured", "people", 70, "exact")]),
    ],
)
def test_regressions(english, text, expected):
    assert read(english, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Security forces killed Abu Bakr al-Baghdadi, the leader of ISIS, in a raid.",
         [("killed", "people", 1, "exact")]),
        ("Mullah Omar was killed in a drone strike.", [("killed", "people", 1, "exact")]),
        ("General Qassem Soleimani was killed in a US strike.",
         [("killed", "security_forces", 1, "exact")]),
        ("Reporter Santiago Ruiz was among those killed.",
         [("killed", "journalists", 1, "exact")]),
        ("My cousin is still missing.", [("missing", "people", 1, "exact")]),
        # A place is no person: no title, no claim.
        ("Insurgents seized Mosul on June 10.", []),
        ("Mosul was captured by the army.", []),
    ],
)
def test_named_people(english, text, expected):
    assert read(english, text) == expected


def test_breakdown_links_to_its_parent(english):
    claims = english.extract("The strike killed 9 civilians, including 3 children.", PUBLISHED)
    assert [c.part_of for c in claims] == [None, "c1"]


def test_an_apposed_list_breaks_down_its_subject_but_a_list_of_objects_does_not(english):
    apposed = english.extract("Two people, a man and a woman, were killed.", PUBLISHED)
    assert [c.part_of for c in apposed] == [None, "c1", "c1"]
    listed = english.extract("Militants killed 5 soldiers, 2 policemen and 3 civilians.", PUBLISHED)
    assert [c.part_of for c in listed] == [None, None, None]


def test_among_the_dead_joins_the_earlier_toll(english):
    text = "The bombing killed 63 people. Among the dead were at least a dozen children."
    claims = english.extract(text, PUBLISHED)
    assert [(c.count.value, c.part_of) for c in claims] == [(63, None), (12, "c1")]


def test_an_individual_counts_at_first_statement_only(english):
    text = "The driver was wounded on Monday. The driver was wounded again, police said."
    assert [c.count.value for c in english.extract(text, PUBLISHED)] == [1]
