"""``{% fragment item other … %}…{% endfragment %}``: see editorial.fragments."""

from django import template

from editorial.fragments import fragments, item_key

register = template.Library()


class FragmentNode(template.Node):
    def __init__(self, nodelist, items):
        self.nodelist, self.items = nodelist, items

    def render(self, context):
        items = [item.resolve(context, ignore_failures=True) for item in self.items]
        key = (self.origin.name if self.origin else "", self.token.position, *map(item_key, items))
        return fragments.get_or_render(key, lambda: self.nodelist.render(context))


@register.tag
def fragment(parser, token):
    items = [parser.compile_filter(bit) for bit in token.split_contents()[1:]]
    if not items:
        raise template.TemplateSyntaxError("{% fragment %} names the items its contents show.")
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(nodelist, items)
