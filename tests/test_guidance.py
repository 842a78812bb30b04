"""Guidance content (schema, sources, coverage, links) and the "For today" cards."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from journal.core.catalog import CatalogKind, Urgency, default_catalog, name_key
from journal.core.day import ActivityMinutes, DayEntry
from journal.core.guidance import (
    CATEGORY_LABELS,
    SOURCE_FILES,
    ContentError,
    GuidanceItem,
    Library,
    build_library,
    flare_today,
    linked_items_for_day,
    links_for_day,
    load_library,
    warning_level,
)
from journal.core.sources import works

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
DAY = dt.date(2025, 3, 10)


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library()


def catalog_names(kind: CatalogKind) -> list[str]:
    return [item.name for item in default_catalog() if item.kind is kind]


def day(**changes: object) -> DayEntry:
    return DayEntry(date=DAY, back_pain=3).replace(**changes)


def all_text(item: GuidanceItem) -> str:
    return " ".join((item.title, item.summary, *item.points, *item.cautions))


# --- content schema ----------------------------------------------------------


def test_library_loads_with_a_sensible_number_of_items(library: Library) -> None:
    assert 50 <= len(library.items) <= 75
    assert len({item.id for item in library.items}) == len(library.items)


def test_every_item_is_complete(library: Library) -> None:
    for item in library.items:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", item.id)
        assert item.category in CATEGORY_LABELS
        assert item.title and item.summary and item.points
        assert all(point.strip() for point in item.points)
        assert item.sources, item.id


def test_every_source_names_a_known_file_or_guideline_and_a_section(library: Library) -> None:
    for item in library.items:
        for source in item.sources:
            assert source.file in SOURCE_FILES or works()[source.file].external, item.id
            assert source.section.strip(), item.id


@pytest.mark.skipif(not SEEDS.is_dir(), reason="source documents not beside the repo")
def test_sources_cite_real_headings_when_documents_are_present(library: Library) -> None:
    for item in library.items:
        for source in item.sources:
            if source.file not in SOURCE_FILES:
                continue  # an external guideline, cited by title
            lines = [line.strip() for line in (SEEDS / source.file).read_text().splitlines()]
            assert source.section in lines, (item.id, source)
            if source.part:
                start = lines.index(source.section)
                assert any(line.startswith(source.part) for line in lines[start:]), (item.id, source)


def test_categories_all_have_items_and_labels_are_in_display_order(library: Library) -> None:
    for category in CATEGORY_LABELS:
        assert library.in_category(category), category
    order = list(CATEGORY_LABELS)
    positions = [order.index(item.category) for item in library.items]
    assert positions == sorted(positions)


def test_item_activities_are_catalog_activities(library: Library) -> None:
    activities = {name_key(name) for name in catalog_names(CatalogKind.ACTIVITY)}
    with_activity = [item for item in library.items if item.activity]
    assert len(with_activity) >= 10
    for item in with_activity:
        assert name_key(item.activity or "") in activities, item.id


def test_no_item_mentions_a_dose(library: Library) -> None:
    dose = re.compile(r"\d+(\.\d+)?\s?(mg|mcg|µg|g|ml|iu)\b", re.IGNORECASE)
    for item in library.items:
        assert not dose.search(all_text(item)), item.id


def test_disclaimer(library: Library) -> None:
    disclaimer = library.disclaimer
    assert disclaimer.title
    assert "not medical advice" in disclaimer.text
    assert "not medical advice" in disclaimer.short.lower()
    assert "\n" not in disclaimer.short


# --- coverage ----------------------------------------------------------------


def test_ten_dos_and_donts_each_with_a_do_and_a_dont(library: Library) -> None:
    pairs = library.in_category("dos-and-donts")
    assert len(pairs) == 10
    for item in pairs:
        assert any(point.startswith("Do:") for point in item.points), item.id
        assert any(point.startswith("Don't:") for point in item.points), item.id


@pytest.mark.parametrize(
    "part",
    [
        "Core Strengthening Exercises",
        "Flexibility and Stretching Routines",
        "Aerobic Conditioning",
        "Hydrotherapy Exercises",
        "Isometric Back Extensions",
        "Pilates-Based Movements",
        "Stationary Cycling",
        "Yoga-Inspired Stretches",
        "Mindful Breathing",
        "Meditation for Pain Management",
        "Progressive Muscle Relaxation",
        "Biofeedback Therapy",
        "Activity Pacing",
        "Self-Monitoring Journals",
        "Pain Education Programs",
        "Maintain Healthy Weight",
        "Ergonomic Posture",
        "Regular Low-Impact Exercise",
        "Core Stabilization",
        "Proper Lifting Techniques",
        "Smoking Cessation",
        "Adequate Hydration",
        "Balanced Nutrition",
        "Vitamin and Mineral Intake",
        "Regular Medical Check-Ups",
        "Heat Therapy",
        "Cryotherapy",
        "Transcutaneous Electrical Nerve Stimulation (TENS)",
    ],
)
def test_each_exercise_practice_and_prevention_strategy_is_covered(library: Library, part: str) -> None:
    assert any(source.part == part for item in library.items for source in item.sources), part


@pytest.mark.parametrize(
    "item_id",
    [
        "flare-self-care",
        "when-to-see-a-doctor",
        "change-position-often",
        "keep-warm",
        "sit-well",
        "massage-and-manipulation-care",
        "mind-and-pain",
        "easing-stiffness",
        "rest-positions",
        "tens-under-guidance",
        "what-is-disc-calcification",
        "what-is-herniation",
        "why-pain-gets-worse",
        "pain-and-damage",
    ],
)
def test_required_items_exist(library: Library, item_id: str) -> None:
    library.by_id(item_id)


def test_every_source_file_is_used(library: Library) -> None:
    used = {source.file for item in library.items for source in item.sources}
    assert used & set(works()) == set(works())


# --- library API -------------------------------------------------------------


def test_by_id_raises_for_unknown(library: Library) -> None:
    with pytest.raises(KeyError):
        library.by_id("no-such-item")


def test_search_is_case_insensitive_and_needs_every_word(library: Library) -> None:
    found = library.search("MATTRESS")
    assert library.by_id("dos-donts-mattress") in found
    both = library.search("mattress soft")
    assert both and all("mattress" in all_text(item).lower() and "soft" in all_text(item).lower() for item in both)
    assert library.search("mattress zebra") == []
    assert library.search("  ") == list(library.items)


def test_load_library_is_cached() -> None:
    assert load_library() is load_library()


# --- bad content is refused --------------------------------------------------

GOOD_ITEM: dict[str, object] = {
    "id": "keep-warm",
    "category": "daily-life",
    "title": "Keep warm",
    "summary": "Stay warm.",
    "points": ["Keep warm."],
    "source": {"file": SOURCE_FILES[3], "section": "Introduction"},
}
DISCLAIMER = {"title": "About", "text": "General information.", "short": "Not advice."}


def build(item: dict[str, object], links: dict[str, object] | None = None) -> Library:
    return build_library([("test.toml", {"item": [item]})], links or {}, DISCLAIMER, ["walking"])


def test_good_minimal_content_builds() -> None:
    library = build(GOOD_ITEM, {"trigger": {"Cold": {"keep-warm": 5}}})
    assert library.links_for("trigger", "cold")[0].item_id == "keep-warm"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"summary": None}, "missing field 'summary'"),
        ({"category": "gossip"}, "unknown category 'gossip'"),
        ({"id": "Keep Warm"}, "kebab-case"),
        ({"points": []}, "'points'"),
        ({"source": {"file": "elsewhere.txt", "section": "X"}}, "source file"),
        ({"source": {"file": SOURCE_FILES[0], "section": " "}}, "source section"),
        ({"activity": "skydiving"}, "not in the activity catalog"),
        ({"colour": "red"}, "unknown field"),
    ],
)
def test_bad_items_are_refused_clearly(change: dict[str, object], message: str) -> None:
    item = {key: value for key, value in {**GOOD_ITEM, **change}.items() if value is not None}
    with pytest.raises(ContentError, match=re.escape(message)):
        build(item)


@pytest.mark.parametrize(
    ("links", "message"),
    [
        ({"trigger": {"cold": {"no-such-item": 5}}}, "unknown item id 'no-such-item'"),
        ({"weather": {"cold": {"keep-warm": 5}}}, "unknown section 'weather'"),
        ({"state": {"grumpy": {"keep-warm": 5}}}, "unknown state"),
        ({"trigger": {"cold": {"keep-warm": 0}}}, "weight"),
        ({"warning_day": {"urgent_categories": ["gossip"]}}, "unknown category 'gossip'"),
        ({"warning_day": {"soon_hidden_items": ["no-such-item"]}}, "unknown item id 'no-such-item'"),
        (
            {"warning_day": {"soon_items": ["keep-warm"], "soon_hidden_items": ["keep-warm"]}},
            "'keep-warm' is both always shown and hidden",
        ),
        ({"warning_day": {"urgent": ["x"]}}, "unknown key ['urgent']"),
    ],
)
def test_bad_links_are_refused_clearly(links: dict[str, object], message: str) -> None:
    with pytest.raises(ContentError, match=re.escape(message)):
        build(GOOD_ITEM, links)


def test_duplicate_ids_are_refused() -> None:
    with pytest.raises(ContentError, match="duplicate item id"):
        build_library(
            [("a.toml", {"item": [GOOD_ITEM]}), ("b.toml", {"item": [GOOD_ITEM]})],
            {},
            DISCLAIMER,
        )


def test_bad_disclaimer_is_refused() -> None:
    with pytest.raises(ContentError, match="disclaimer"):
        build_library([("a.toml", {"item": [GOOD_ITEM]})], {}, {"title": "About"})


# --- links -------------------------------------------------------------------


@pytest.mark.parametrize("kind", [CatalogKind.TRIGGER, CatalogKind.ACTIVITY, CatalogKind.SYMPTOM])
def test_every_default_catalog_name_has_a_link(library: Library, kind: CatalogKind) -> None:
    for name in catalog_names(kind):
        assert library.links_for(kind.value, name), f"{kind.value} {name!r} has no link"


def test_every_link_names_a_default_catalog_entry_or_state(library: Library) -> None:
    known = {(item.kind.value, name_key(item.name)) for item in default_catalog()}
    known |= {("state", "flare"), ("state", "high_leg_pain")}
    assert set(library.links) <= known, set(library.links) - known


def test_urgent_and_soon_symptoms_link_to_when_to_see_a_doctor(library: Library) -> None:
    flagged = [item for item in default_catalog() if item.kind is CatalogKind.SYMPTOM and item.urgency is not Urgency.NONE]
    assert len(flagged) == 17  # with the sudden pain after a strain (migration 0010)
    for item in flagged:
        ids = [link.item_id for link in library.links_for("symptom", item.name)]
        assert "when-to-see-a-doctor" in ids, item.name


def first_ids(library: Library, kind: str, name: str, count: int) -> list[str]:
    return [link.item_id for link in library.links_for(kind, name)[:count]]


@pytest.mark.parametrize(
    ("kind", "name", "expected"),
    [
        ("trigger", "prolonged sitting", {"dos-donts-sitting-breaks", "activity-pacing"}),
        ("trigger", "lifting", {"prevention-lifting-technique", "dos-donts-stretching-lifting"}),
        ("trigger", "cold or damp weather", {"keep-warm"}),
        ("trigger", "stress", {"mindful-breathing", "meditation"}),
        ("trigger", "poor sleep", {"dos-donts-mattress"}),
        ("state", "flare", {"flare-self-care"}),
    ],
)
def test_required_example_links_come_first(library: Library, kind: str, name: str, expected: set[str]) -> None:
    assert set(first_ids(library, kind, name, len(expected))) == expected


def test_the_lifting_dont_is_linked(library: Library) -> None:
    item = library.by_id("dos-donts-stretching-lifting")
    assert any("heavy" in point and point.startswith("Don't:") for point in item.points)


# --- "For today" -------------------------------------------------------------


def steady_days(count: int, pain: int) -> list[DayEntry]:
    return [DayEntry(date=DAY - dt.timedelta(days=n), back_pain=pain) for n in range(count, 0, -1)]


def test_quiet_day_has_no_cards(library: Library) -> None:
    assert links_for_day(day(), steady_days(14, 3), library) == []


def test_cards_follow_what_was_logged_with_reasons(library: Library) -> None:
    linked = linked_items_for_day(day(triggers=("Prolonged  Sitting",)), [], library)
    assert [card.item.id for card in linked][:2] == ["dos-donts-sitting-breaks", "activity-pacing"]
    assert linked[0].reason == "Because you logged: Prolonged Sitting"


def test_at_most_four_cards_without_duplicates(library: Library) -> None:
    busy = day(
        back_pain=9,
        leg_pain=8,
        triggers=tuple(catalog_names(CatalogKind.TRIGGER)),
        symptoms=("stiffness", "muscle spasm"),
        activities=tuple(ActivityMinutes(name, 20) for name in catalog_names(CatalogKind.ACTIVITY)),
    )
    items = links_for_day(busy, steady_days(14, 3), library)
    assert len(items) == 4
    assert len({item.id for item in items}) == 4


def test_shared_item_appears_once_with_every_reason(library: Library) -> None:
    linked = linked_items_for_day(day(triggers=("prolonged sitting", "long drive")), [], library)
    ids = [card.item.id for card in linked]
    assert ids.count("dos-donts-sitting-breaks") == 1
    assert linked[0].item.id == "dos-donts-sitting-breaks"
    assert linked[0].reason == "Because you logged: prolonged sitting, long drive"


@pytest.mark.parametrize(
    ("pain", "history"),
    [(5, steady_days(14, 3)), (9, steady_days(28, 7))],  # 2 above the usual level
)
def test_flare_card_comes_first_on_a_flare(library: Library, pain: int, history: list[DayEntry]) -> None:
    entry = day(back_pain=pain, triggers=("stress", "prolonged sitting"), symptoms=("stiffness",))
    assert flare_today(entry, history)
    linked = linked_items_for_day(entry, history, library)
    assert linked[0].item.id == "flare-self-care"
    assert "flare" in linked[0].reason


def test_no_flare_card_below_threshold(library: Library) -> None:
    entry = day(back_pain=4, triggers=("stress",))
    history = steady_days(14, 3)
    assert not flare_today(entry, history)
    ids = [item.id for item in links_for_day(entry, history, library)]
    assert "flare-self-care" not in ids


def test_usual_pain_of_7_or_8_is_not_a_flare(library: Library) -> None:
    history = [DayEntry(date=DAY - dt.timedelta(days=n), back_pain=7 + n % 2) for n in range(31, 0, -1)]
    entry = day(back_pain=8)
    assert not flare_today(entry, history)
    assert "flare-self-care" not in [item.id for item in links_for_day(entry, history, library)]


def test_flare_uses_the_28_days_before_the_last_3(library: Library) -> None:
    # 28 days at 3 make 5 a flare, even though the 3 days just before were 5.
    history = steady_days(31, 3)
    history = [d.replace(back_pain=5) if (DAY - d.date).days <= 3 else d for d in history]
    assert flare_today(day(back_pain=5), history)
    # Older days and later days are ignored; fewer than 7 logged days: no usual level yet.
    older = [DayEntry(date=DAY - dt.timedelta(days=40 + n), back_pain=1) for n in range(20)]
    assert not flare_today(day(back_pain=5), older)
    assert not flare_today(day(back_pain=6), [DayEntry(DAY + dt.timedelta(days=n), 1) for n in range(1, 9)])
    assert not flare_today(day(back_pain=9), steady_days(9, 3)[:6])


def test_urgent_symptom_puts_doctor_cards_first(library: Library) -> None:
    entry = day(back_pain=8, symptoms=("Loss of bladder or bowel control",))
    ids = [item.id for item in links_for_day(entry, [], library)]
    assert ids == ["urgent-warning-signs", "when-to-see-a-doctor"]


EXERCISE_WORDS = re.compile(r"exercis|stretch|yoga|pilates|swim|cycl|aerobic|workout", re.IGNORECASE)
BUSY_DAY = {
    "back_pain": 9,
    "leg_pain": 8,
    "triggers": tuple(catalog_names(CatalogKind.TRIGGER)),
    "activities": tuple(ActivityMinutes(name, 20) for name in catalog_names(CatalogKind.ACTIVITY)),
}


@pytest.mark.parametrize(
    "sign",
    [item.name for item in default_catalog() if item.urgency is Urgency.URGENT],
)
def test_an_urgent_sign_leaves_only_warning_and_doctor_cards(library: Library, sign: str) -> None:
    # A flare with every trigger and activity logged would otherwise fill the cards.
    entry = day(**BUSY_DAY, symptoms=("stiffness", sign))
    linked = linked_items_for_day(entry, steady_days(14, 3), library, limit=10)
    assert linked, sign
    assert {entry.item.category for entry in linked} == {"when-to-see-a-doctor"}
    assert [entry.item.id for entry in linked[:2]] == ["urgent-warning-signs", "when-to-see-a-doctor"] or (
        linked[0].item.id == "urgent-warning-signs"
    )
    assert all(sign in entry.reason for entry in linked[:1])
    assert warning_level(entry) is Urgency.URGENT


@pytest.mark.parametrize(
    "sign",
    [item.name for item in default_catalog() if item.urgency is Urgency.SOON],
)
def test_a_soon_sign_hides_exercise_and_flare_self_care(library: Library, sign: str) -> None:
    entry = day(**BUSY_DAY, symptoms=("stiffness", sign))
    linked = linked_items_for_day(entry, steady_days(14, 3), library, limit=50)
    ids = [card.item.id for card in linked]
    assert ids[0] == "when-to-see-a-doctor"
    assert "flare-self-care" not in ids
    for card in linked:
        assert card.item.category != "exercise", card.item.id
        assert not EXERCISE_WORDS.search(card.item.title + card.item.summary), card.item.id
    # Other self-care still helps: the day is not emptied.
    assert len(ids) > 3
    assert warning_level(day(symptoms=(sign,))) is Urgency.SOON


def test_the_same_busy_day_without_a_sign_shows_exercise_and_flare_cards(library: Library) -> None:
    """The control for the two tests above: the filtering is what removes them."""
    linked = linked_items_for_day(day(**BUSY_DAY), steady_days(14, 3), library, limit=50)
    ids = [entry.item.id for entry in linked]
    assert ids[0] == "flare-self-care"
    assert any(entry.item.category == "exercise" for entry in linked)


def test_an_own_symptom_marked_urgent_in_the_journal_counts(library: Library) -> None:
    entry = day(back_pain=9, symptoms=("Cannot wee",))
    urgencies = {"cannot wee": Urgency.URGENT}
    ids = [item.item.id for item in linked_items_for_day(entry, steady_days(14, 3), library, urgencies=urgencies)]
    assert ids == ["urgent-warning-signs", "when-to-see-a-doctor"]


def test_high_leg_pain_state(library: Library) -> None:
    linked = linked_items_for_day(day(leg_pain=7), [], library)
    assert linked[0].item.id == "leg-pain-and-nerves"
    assert "leg pain" in linked[0].reason


def test_unknown_user_names_are_ignored(library: Library) -> None:
    assert links_for_day(day(triggers=("my cat",)), [], library) == []


# --- content the clinical review asked for ------------------------------------


def test_every_faq_answer_is_used(library: Library) -> None:
    cited = {
        source.part.split(".", 1)[0]
        for item in library.items
        for source in item.sources
        if source.section == "Frequently Asked Questions"
    }
    assert cited == {str(n) for n in range(1, 16)}


def test_the_arthritis_and_joint_calcification_section_is_used(library: Library) -> None:
    cited = [
        item.id
        for item in library.items
        for source in item.sources
        if source.file == "002_d8cb5da58937e2ee.txt" and source.section == "Arthritis or joint calcification"
    ]
    assert cited


@pytest.mark.parametrize("item_id", ["dos-donts-heat-ice", "cold-therapy", "flare-self-care"])
def test_ice_and_heat_advice_sends_a_fall_or_injury_to_care_first(library: Library, item_id: str) -> None:
    text = all_text(library.by_id(item_id)).lower()
    assert "after a fall or injury" in text
    assert "medical care first" in text


def test_no_item_rules_out_pharmacy_painkillers_used_as_the_label_says(library: Library) -> None:
    for item in library.items:
        text = all_text(item).lower()
        assert "not prescribed for you" not in text, item.id
        if "prescribed for someone else" in text:
            assert "label" in text, item.id


def test_both_legs_has_its_own_item_linked_from_the_sign(library: Library) -> None:
    item = library.by_id("both-legs")
    assert "both legs" in all_text(item)
    assert "both-legs" in first_ids(library, "symptom", "pain, numbness or weakness in both legs", 2)


def test_six_weeks_item_describes_the_rule_as_coded(library: Library) -> None:
    from journal.core import redflags

    text = all_text(library.by_id("six-weeks-severe-pain"))
    assert f"{redflags.SEVERE_MEAN} or more" in text
    assert f"the last {redflags.MIN_SPAN_DAYS} days" in text
    assert f"at least {redflags.MIN_LOGGED_DAYS} logged days" in text
    assert f"an average under {redflags.MILD_WEEK_MEAN}" in text
    assert f"{redflags.MIN_SPAN_DAYS} days" in text
    assert "leg pain" in text


def test_urgent_items_put_the_emergency_department_first(library: Library) -> None:
    for item_id in ("urgent-warning-signs", "both-legs", "when-to-see-a-doctor"):
        assert "emergency department now" in all_text(library.by_id(item_id)), item_id
