"""The inspector's form, field by field: what each field of each kind of item is edited with.

The ranges come from the core's rules (`core/validate.py`), so a spin box offers
exactly the numbers the format allows. Labels and tips are marked here (`N_`) and
translated where they are shown; a choice stores its English value (`high`, `after`)
and shows the value's word in the current language (`choice_label`, inspector_kinds.py).
"""

from __future__ import annotations

from cuecraft.core.i18n import N_, _, format_number, ngettext, pgettext
from cuecraft.core.model import LANES, PHASES, POLARITIES, SENSES, SEVERITIES, STATUSES
from cuecraft.core.validate import EMOTION_RANGE, INTENSITY_RANGE, MINUTES_RANGE, SHARE_RANGE
from cuecraft.gui.inspector_kinds import LEVEL_OPTIONS, Field, choice_label

__all__ = ["TEXTS", "Field", "choice_label"]  # Field and choice_label live in inspector_kinds


def field_label(spec: Field, currency: str | None = None) -> str:
    """A field's label in the current language; a price's names the currency ("Price (CNY)")."""
    name = _(spec.label)
    if spec.money and currency:
        # TRANSLATORS: the label of a price field and the design's currency ("Price (CNY)")
        return _("{field} ({currency})").format(field=name, currency=currency)
    return name


def problem_label(field: str) -> str:
    """What a screen reader calls the note under a field saying why a value is refused."""
    # TRANSLATORS: what a screen reader calls the note under a field saying why a value is refused
    return _("{field}: problem").format(field=field)


def realm_label(realm: str) -> str:
    # TRANSLATORS: one of the four realms of an experience, with its share (0–100)
    return _("Realm: {realm}").format(realm=choice_label("realm", realm))


def edit_label(spec: Field) -> str:
    """The undo step's name for an edit of a field ("Edit tagline")."""
    # TRANSLATORS: an undo step, as in "Undo Edit tagline"; {field} is a field's name in lower case
    return _("Edit {field}").format(field=_(spec.label).lower())


def value_heading() -> str:
    """The heading of the design's prices in the theme's form."""
    # TRANSLATORS: a heading in the theme's inspector over the prices of the progression of
    # economic value (commodity, goods, service, experience)
    return _("What guests pay")


def value_heading_tip() -> str:
    return _(
        "The progression of economic value: what the same offering costs as a commodity, "
        "as goods, as a service and staged as this experience. The Value view draws it."
    )


def amount_problem() -> str:
    """Why typed text is not a price."""
    return _("Type an amount: a number such as 24 or 9.50, or nothing for no price")


# The form's own words, shown by the inspector and its editors (inspector_forms.py).


def none_label() -> str:
    """What a list shows for "no value"."""
    return _("(none)")


def not_rated_label() -> str:
    """What a negative cue's impact or effort shows when it holds none."""
    # TRANSLATORS: a negative cue's impact or effort that is not given yet
    return _("not rated")


def not_set_label() -> str:
    """What an optional number shows when it holds none."""
    return _("not set")


def missing_label(item_id: str) -> str:
    """An id a field names but the design lacks, kept visible in a list."""
    return _("{id}  (missing)").format(id=item_id)


def untick_negative_label(text: str) -> str:
    """A negative cue offered where only positive cues belong (already chosen)."""
    return _("(a negative cue: untick it) {text}").format(text=text)


def more_label(more: int) -> str:
    """Under a section's summary: how many items it does not list."""
    return ngettext("… and {n} more", "… and {n} more", more).format(n=format_number(more))


# A persona's emotion per touchpoint (inspector_persona.py).


def override_headings() -> tuple[str, str, str]:
    """The headings of a persona's emotions: the touchpoint, its own target emotion, theirs."""
    return (
        # TRANSLATORS: heading of a persona's emotions: the touchpoint's name; short
        pgettext("persona emotion", "Touchpoint"),
        # TRANSLATORS: heading of a persona's emotions: the touchpoint's own target emotion
        # (−3…+3), shown in a narrow column; short
        pgettext("persona emotion", "Target"),
        # TRANSLATORS: heading of a persona's emotions: how this persona feels there instead
        # (−3…+3, empty: as the target); shown over a narrow column; short
        pgettext("persona emotion", "Theirs"),
    )


def override_tips() -> tuple[str, str]:
    """What the target and the persona's own emotion mean, as tips."""
    return (
        _("The touchpoint’s own target emotion, from −3 to +3"),
        _("How this persona feels here instead, from −3 to +3; empty: as the target"),
    )


def skipped_label(name: str) -> str:
    """A touchpoint a persona skips, in their list of emotions (shown dimmed)."""
    # TRANSLATORS: a touchpoint the persona does not go through, dimmed in their emotions
    return _("{touchpoint} (skipped)").format(touchpoint=name)


def override_name(touchpoint: str) -> str:
    """What a screen reader calls a persona's emotion at one touchpoint."""
    # TRANSLATORS: a screen reader's name for a persona's emotion at one touchpoint
    return _("their emotion at {touchpoint}").format(touchpoint=touchpoint)


def sense_label(sense: str) -> str:
    """The name of a sense in the current language ("węch", "嗅觉")."""
    return choice_label("sense", sense)


TEXTS = {
    "design": [
        Field("title", N_("Title"), "text"),
        Field("client", N_("Client"), "optional"),
        Field("venue", N_("Venue"), "optional"),
        Field(
            "language",
            N_("Language"),
            "language",
            tip=N_(
                "The language of the design’s texts, as a tag (en, pl, zh-CN): "
                "the brief is written in it"
            ),
        ),
    ],
    "theme": [
        Field("name", N_("Theme"), "text"),
        Field("tagline", N_("Tagline"), "optional"),
        Field("storyline", N_("Storyline"), "optional_long"),
        Field("motifs", N_("Motifs"), "words"),
        Field(
            "avoid",
            N_("Avoid"),
            "words",
            tip=N_("Motifs to avoid: a cue carrying one of them works against the theme"),
        ),
    ],
    # The design's value, edited in the theme's form under its realms (owner "value").
    "value": [
        Field(
            "currency",
            N_("Currency"),
            "currency",
            tip=N_("The currency of the prices: a code such as CNY, PLN or USD, or a word"),
        ),
        Field(
            "commodity",
            N_("Commodity"),
            "amount",
            money=True,
            tip=N_("The raw materials: what the ingredients alone cost"),
        ),
        Field(
            "goods",
            N_("Goods"),
            "amount",
            money=True,
            tip=N_("The product a guest could take home and use alone"),
        ),
        Field(
            "service",
            N_("Service"),
            "amount",
            money=True,
            tip=N_("The same delivered as a service"),
        ),
        Field(
            "experience",
            N_("Experience"),
            "amount",
            money=True,
            tip=N_("Staged as this experience: what guests pay here"),
        ),
    ],
    "zone": [
        Field("id", N_("Id"), "id"),
        Field("name", N_("Name"), "text"),
        Field(
            "sees",
            N_("Sees (line of sight)"),
            "refs",
            ("zone",),
            tip=N_("The zones a guest standing here can see"),
        ),
    ],
    "touchpoint": [
        Field("id", N_("Id"), "id"),
        Field("name", N_("Name"), "text"),
        Field("phase", N_("Phase"), "choice", PHASES),
        Field("zone", N_("Zone"), "zone", ("zone",)),
        Field("next", N_("Next"), "refs", ("touchpoint",), tip=N_("The touchpoints that follow")),
        Field(
            "emotion",
            N_("Target emotion"),
            "optional_int",
            low=EMOTION_RANGE[0],
            high=EMOTION_RANGE[1],
            tip=N_("How the guest should feel here, from −3 to +3"),
        ),
        Field(
            "wait",
            N_("Wait (minutes)"),
            "optional_int",
            low=MINUTES_RANGE[0],
            high=MINUTES_RANGE[1],
            tip=N_(
                "How many minutes the guest is expected to wait here (a wait point of the "
                "blueprint); empty for none"
            ),
        ),
    ],
    "cue": [
        Field("id", N_("Id"), "id"),
        Field("text", N_("Text"), "longtext"),
        Field("polarity", N_("Polarity"), "choice", POLARITIES),
        Field("senses", N_("Senses"), "senses"),
        Field("motifs", N_("Motifs"), "words"),
        Field("at", N_("At"), "refs", ("zone", "touchpoint")),
        Field(
            "unique",
            N_("A character (never twice in view)"),
            "bool",
            tip=N_("A cast member in role: never seen in two places at once"),
        ),
        Field("conflicts", N_("Conflicts with"), "refs", ("cue",)),
        Field("severity", N_("Severity"), "optional_choice", SEVERITIES, negative_only=True),
        Field("status", N_("Status"), "optional_choice", STATUSES, negative_only=True),
        Field(
            "impact",
            N_("Impact"),
            "level",
            LEVEL_OPTIONS,
            negative_only=True,
            tip=N_("How much guests suffer from it: 1 low, 2 medium, 3 high; empty for not rated"),
        ),
        Field(
            "effort",
            N_("Effort"),
            "level",
            LEVEL_OPTIONS,
            negative_only=True,
            tip=N_("What the remedy costs: 1 low, 2 medium, 3 high; empty for not rated"),
        ),
        Field(
            "owner",
            N_("Owner"),
            "optional",
            negative_only=True,
            tip=N_("Who answers for eliminating it: a person, a role or a team"),
        ),
        Field("remedy", N_("Remedy"), "optional_long", negative_only=True),
    ],
    "layer": [
        Field("id", N_("Id"), "id"),
        Field("sense", N_("Sense"), "choice", SENSES),
        Field("name", N_("Name"), "text"),
        Field("at", N_("At"), "refs", ("zone",)),
        Field(
            "intensity",
            N_("Intensity"),
            "int",
            low=INTENSITY_RANGE[0],
            high=INTENSITY_RANGE[1],
            tip=N_("How strongly the layer reaches the guest: 1 faint, 3 strong"),
        ),
        Field("motifs", N_("Motifs"), "words"),
    ],
    "souvenir": [
        Field("id", N_("Id"), "id"),
        Field("name", N_("Name"), "text"),
        Field("motifs", N_("Motifs"), "words"),
        # A souvenir brings back a good moment: it evokes positive cues only.
        Field(
            "evokes",
            N_("Evokes"),
            "refs",
            ("positive cue",),
            tip=N_("The positive cues the souvenir brings back to mind"),
        ),
        Field("at", N_("Available at"), "refs", ("zone", "touchpoint")),
        Field("price", N_("Price"), "amount", money=True, tip=N_("What guests pay for it")),
        Field(
            "plain_price",
            N_("Price of the plain object"),
            "amount",
            money=True,
            tip=N_(
                "What the same object costs without the memory: guests paying more than this "
                "pay for the memory"
            ),
        ),
    ],
    "action": [
        Field("id", N_("Id"), "id"),
        Field("text", N_("Text"), "longtext"),
        Field(
            "lane",
            N_("Lane"),
            "choice",
            LANES,
            tip=N_(
                "Frontstage: seen by the guest; backstage: staff out of sight; "
                "support: systems and teams behind them"
            ),
        ),
        Field(
            "at",
            N_("Serves (touchpoints)"),
            "refs",
            ("touchpoint",),
            tip=N_("The touchpoints this action stages"),
        ),
        Field("zone", N_("Zone"), "zone", ("zone",), tip=N_("Where it happens")),
        Field(
            "owner",
            N_("Owner"),
            "optional",
            tip=N_("The team or role that answers for it"),
        ),
        Field(
            "minutes",
            N_("Standard time (minutes)"),
            "optional_int",
            low=MINUTES_RANGE[0],
            high=MINUTES_RANGE[1],
            tip=N_("How many minutes it should take; empty for none"),
        ),
        Field(
            "tolerance",
            N_("Tolerance (minutes)"),
            "optional_int",
            low=MINUTES_RANGE[0],
            high=MINUTES_RANGE[1],
            tip=N_("How many minutes more or less it may take (±); empty for none"),
        ),
        Field("fail", N_("Fail point"), "optional_long", tip=N_("What can go wrong")),
        Field(
            "recovery",
            N_("Recovery"),
            "optional_long",
            tip=N_("The service-recovery script: what staff do when it goes wrong"),
        ),
        Field(
            "needs",
            N_("Needs"),
            "refs",
            ("action",),
            tip=N_("The actions it depends on"),
        ),
    ],
    "persona": [
        Field("id", N_("Id"), "id"),
        Field("name", N_("Name"), "text"),
        Field(
            "share",
            N_("Share of guests (%)"),
            "optional_int",
            low=SHARE_RANGE[0],
            high=SHARE_RANGE[1],
            tip=N_("How many of all guests are like this, in percent; empty for not known"),
        ),
        Field(
            "skips",
            N_("Skips (touchpoints)"),
            "refs",
            ("journey",),
            tip=N_(
                "The touchpoints this persona does not go through: their journey goes on "
                "to the touchpoints after them"
            ),
        ),
        Field(
            "emotion",
            N_("Emotion per touchpoint"),
            "overrides",
            low=EMOTION_RANGE[0],
            high=EMOTION_RANGE[1],
            tip=N_(
                "Where this persona feels differently from the touchpoint’s target emotion; "
                "empty: as the target"
            ),
        ),
    ],
}
