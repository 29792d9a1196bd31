"""The picture every editorial item can carry: a hero still, a poster, a headshot. One mechanism for all three."""

import re
from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from pictures import kept
from pictures.renditions import clean_upload, delete_renditions, make_renditions

FILENAME = re.compile(r"^\S+\.(jpe?g|png|webp|gif|avif|heic|svg|tiff?)$", re.IGNORECASE)
UNIT = [MinValueValidator(0.0), MaxValueValidator(1.0)]


class PictureWidget(forms.ClearableFileInput):
    """The file input, with the current picture to click on: the click sets the focal point. A picture chosen on
    a form that came back with an error elsewhere is kept and offered again (``pictures.kept``)."""

    template_name = "pictures/widgets/picture.html"
    fresh = None  # a chosen picture, checked and cleaned, not saved yet
    kept = None

    class Media:
        js = ["js/focal-point.js"]

    @staticmethod
    def kept_name(name: str) -> str:
        return f"{name}-kept"

    def value_from_datadict(self, data, files, name):
        upload = super().value_from_datadict(data, files, name)
        if upload:
            return upload  # a new file (or a contradiction) wins over a kept one
        return kept.from_token(data.get(self.kept_name(name), "")) or upload

    def is_initial(self, value):
        return not isinstance(value, kept.KeptPicture) and super().is_initial(value)

    def format_value(self, value):
        return None if isinstance(value, kept.KeptPicture) else super().format_value(value)

    def value_omitted_from_data(self, data, files, name):
        return super().value_omitted_from_data(data, files, name) and self.kept_name(name) not in data

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        if self.fresh is not None and self.kept is None:
            self.kept = kept.keep(self.fresh)  # the form is shown again: the picture must not be lost
        context["widget"]["kept"] = self.kept
        context["widget"]["kept_name"] = self.kept_name(name)
        return context


class PictureFormField(forms.FileField):
    widget = PictureWidget

    def to_python(self, data):
        upload = super().to_python(data)
        return clean_upload(upload) if upload else upload

    def clean(self, data, initial=None):
        if isinstance(data, kept.KeptPicture):
            self.widget.kept = data
            return data.reopen()
        value = super().clean(data, initial)
        if value and value is not initial:
            self.widget.fresh = value
        return value


class PictureField(models.ImageField):
    def formfield(self, **kwargs):
        return super().formfield(**{**kwargs, "form_class": PictureFormField, "widget": PictureWidget})


@dataclass(frozen=True)
class PictureSet:
    """One crop's renditions, ready for <picture>: srcsets, and the largest size for width and height."""

    webp_srcset: str
    fallback_srcset: str
    fallback_type: str
    src: str
    width: int
    height: int
    largest: dict


def picture_set(renditions: dict, crop: str) -> PictureSet | None:
    family = (renditions or {}).get("crops", {}).get(crop)
    if not family or not family["sizes"]:
        return None
    sizes, fallback = family["sizes"], family["fallback"]
    largest = sizes[-1]
    return PictureSet(
        webp_srcset=", ".join(f"{s['webp']['url']} {s['width']}w" for s in sizes),
        fallback_srcset=", ".join(f"{s[fallback]['url']} {s['width']}w" for s in sizes),
        fallback_type=largest[fallback]["type"],
        src=largest[fallback]["url"],
        width=largest["width"],
        height=largest["height"],
        largest=largest[fallback],
    )


class Pictured(models.Model):
    """Adds a picture with alt text, caption, credit and focal point; ``crops`` names the renditions it needs."""

    crops: tuple[str, ...] = ("full", "social")

    image = PictureField(
        "picture", upload_to="pictures/", blank=True, width_field="image_width", height_field="image_height",
        help_text="JPEG, PNG or WebP, up to 20 MB. Click the picture to set its focal point: every crop keeps it.",
    )
    image_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    image_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    image_alt = models.CharField(
        "alt text", max_length=300, blank=True,
        help_text="What a reader who cannot see the picture needs to know, in a sentence. Required with a picture.",
    )
    image_caption = models.CharField("caption", max_length=300, blank=True)
    image_credit = models.CharField("photo credit", max_length=200, blank=True)
    image_focus_x = models.FloatField("focal point, across", default=0.5, validators=UNIT,
                                      help_text="0 is the left edge, 1 the right.")
    image_focus_y = models.FloatField("focal point, down", default=0.5, validators=UNIT,
                                      help_text="0 is the top edge, 1 the bottom.")
    image_renditions = models.JSONField(default=dict, blank=True, editable=False)

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.image and not self.image_alt.strip():
            raise ValidationError({"image_alt": ValidationError(
                "Describe the picture for readers who cannot see it.", code="alt_required")})
        if FILENAME.match(self.image_alt.strip()):
            raise ValidationError({"image_alt": ValidationError(
                "Alt text describes the picture; a file name is not a description.", code="alt_is_filename")})

    def refresh_derived(self) -> None:
        super().refresh_derived()
        self.refresh_renditions()

    def prepare_preview(self) -> None:
        super().prepare_preview()
        self.refresh_renditions(for_preview=True)

    def picture(self, crop: str) -> PictureSet | None:
        return picture_set(self.image_renditions, crop) if self.image else None

    def refresh_renditions(self, for_preview: bool = False) -> bool:
        """Make the renditions if the picture or its focal point changed since they were made. Call after save.
        ``for_preview`` leaves the live page's renditions in place and reuses what earlier previews drew."""
        old = self.image_renditions or {}
        focus = [round(self.image_focus_x, 3), round(self.image_focus_y, 3)]
        if self.image and old.get("source") == self.image.name and old.get("focus") == focus:
            return False
        if not self.image and not old:
            return False
        self.image_renditions = make_renditions(self.image, tuple(focus), list(self.crops),
                                                preview=for_preview) if self.image else {}
        type(self)._default_manager.filter(pk=self.pk).update(image_renditions=self.image_renditions)
        if not for_preview:  # the source file stays: a revision may name it, and restoring it remakes these
            delete_renditions(old, keeping=self.image_renditions)
        return True
