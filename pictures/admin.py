"""What a change form shows of an item's picture."""

PICTURE_FIELDS = ["image", "image_alt", "image_caption", "image_credit", ("image_focus_x", "image_focus_y")]
