from django import template

from reviews.mentions import body_with_links

register = template.Library()


@register.filter
def body_html(review) -> str:
    """The body as the page shows it: one <p> a paragraph, the text kept as typed, and the live people and
    shows it names linked (see reviews.mentions)."""
    return body_with_links(review)
