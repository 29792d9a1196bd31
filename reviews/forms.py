from django import forms

from editorial import drafts
from editorial.forms import EditorialForm
from reviews.house_style import HouseStyleError, ParsedReview, every_error, parse_review
from reviews.models import Review
from shows.credits_line import line_error
from shows.models import Show, episode_label


class HouseStyleImportForm(forms.Form):
    text = forms.CharField(
        label="Review in house style",
        widget=forms.Textarea(attrs={"rows": 22, "spellcheck": "false", "wrap": "soft"}),
        help_text="Paste the whole file: an optional front matter between “---” lines, one paragraph per line, "
        "and the credits line last.",
    )
    title = forms.CharField(
        label="Show title", required=False, max_length=200,
        help_text="Needed only when the text has no front matter “show:”.",
    )

    def __init__(self, *args, may_set_publication_time: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.error_lines: list[int] = []
        if not may_set_publication_time:
            self.fields["text"].help_text += (" A “published:” line is not kept: the editor who publishes the review "
                                              "sets its time.")

    def add_house_style_error(self, error: HouseStyleError) -> None:
        """Every error of the text beside the box, each with its line; the box marks those lines."""
        for one in every_error(error):
            self.add_error("text", line_error(one))
            self.error_lines.append(one.line)

    def clean(self):
        cleaned = super().clean()
        text = cleaned.get("text")
        if text:
            try:
                cleaned["parsed"] = parse_review(text)
            except HouseStyleError as error:
                self.add_house_style_error(error)
                return cleaned
            if not cleaned["parsed"].front.get("show") and not cleaned.get("title"):
                self.add_error("title", "Give the show’s title, or a “show:” line in the front matter.")
        return cleaned

    @property
    def parsed(self) -> ParsedReview:
        return self.cleaned_data["parsed"]


WHOLE = ""


def target_value(season: int | None, episode: int | None) -> str:
    """A choice of ``ReviewForm.reviewed``: "" (the whole show), "2" (season 2), "2.5" (its fifth episode)."""
    if season is None:
        return WHOLE
    return str(season) if episode is None else f"{season}.{episode}"


def target_choices(show) -> list[tuple[str, str]]:
    """The whole show, then each season of the show's draft with its episodes (a recap reviews one)."""
    if show is None or show.kind == Show.Kind.FILM:
        return [(WHOLE, "The whole film or series")]
    content = drafts.content_of(show)
    episodes = sorted(content.get("episode_rows", []), key=lambda row: (row["season"], row["number"]))
    choices = [(WHOLE, f"The whole series, {show.title}")]
    for season in sorted(content.get("season_rows", []), key=lambda row: row["number"]):
        number = season["number"]
        choices.append((target_value(number, None), f"Season {number}" + (f" ({season['year']})"
                                                                           if season.get("year") else "")))
        choices += [(target_value(number, row["number"]),
                     f"— recap of {episode_label('', number, row['number'], row['title']).removeprefix(', ')}")
                    for row in episodes if row["season"] == number]
    return choices


class ReviewForm(EditorialForm):
    reviewed = forms.ChoiceField(
        label="Review of", required=False,
        help_text="A series’ review may be of one season, or a recap of one episode: its seasons and episodes "
                  "are edited on the show’s page. For a new review, choose the show and save the draft first.",
    )

    autosaved = ("reviewed",)  # it sets the review's season and episode, which autosave keeps

    class Meta:
        model = Review
        fields = ["headline"]  # the admin gives the full list from its fieldsets

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        show = self.show_chosen()
        choices = target_choices(show)
        current = target_value(self.instance.season, self.instance.episode)
        if current not in dict(choices) and show is not None and show.pk == self.instance.show_id:
            part = self.instance.subject.removeprefix(f"{show.title}, ")
            choices.append((current, f"{part[:1].upper()}{part[1:]} (no longer listed on the show)"))  # kept
        self.fields["reviewed"].choices = choices
        self.initial["reviewed"] = current
        if self.is_bound and show is not None and show.pk != self.instance.show_id:
            self.fields["reviewed"].help_text += f" Offered: those of {show.title}."

    def show_chosen(self):
        """The show whose seasons are offered: the one posted (so a changed show is checked against its own),
        else the review's."""
        posted = str(self.data.get(self.add_prefix("show"), "")) if self.is_bound else ""
        if posted.isascii() and posted.isdigit() and len(posted) < 19:  # "²" is a digit int() refuses
            return Show.objects.filter(pk=int(posted)).first()
        return self.instance.show if self.instance.show_id else None

    def clean(self):
        cleaned = super().clean()
        if "reviewed" in self.fields and "reviewed" in cleaned:
            season, _, episode = cleaned["reviewed"].partition(".")
            self.instance.season = int(season) if season else None
            self.instance.episode = int(episode) if episode else None
        return cleaned
