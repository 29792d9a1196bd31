"""``{% footer_pages as links %}``: the footer's links to the magazine's own pages (see pages.footer)."""

from django import template

from pages import footer

register = template.Library()


@register.simple_tag(takes_context=True)
def footer_pages(context) -> list[footer.FooterLink]:
    return footer.links(keep=not context.get("preview"))
