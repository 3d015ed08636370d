"""``{% kept NAME [VARY …] [if FLAG | unless FLAG] %}…{% endkept %}``: a fragment that is
the same for every reader until the archive changes, rendered once per kept version
(``archivecache.memo.kept_version``: the archive's version and whether unreviewed records
are hidden) and the VARY values, with Django's cache tag in its "template_fragments"
cache. Rendered every time when nothing may be kept (``ARCHIVE_VERSION_MEMO`` off) or
when the FLAG says not to (a search's cards carry their excerpts).

Only for what no reader's own state reaches: a signed-in editor sees the same fragment
as anyone."""

from django import template
from django.templatetags.cache import CacheNode

from archivecache.memo import kept_version

register = template.Library()

VERSION = "kept_fragment_version"  # the context name the key reads the version from


class KeptNode(CacheNode):
    def __init__(self, nodelist, parser, fragment_name, vary_on, flag, keep_if):
        super().__init__(
            nodelist,
            parser.compile_filter("None"),  # kept until the version changes
            fragment_name,
            [parser.compile_filter(VERSION), *vary_on],
            None,  # the "template_fragments" cache
        )
        self.flag = flag
        self.keep_if = keep_if

    def render(self, context):
        version = kept_version()
        if version is None or (
            self.flag is not None and bool(self.flag.resolve(context)) != self.keep_if
        ):
            return self.nodelist.render(context)
        with context.push({VERSION: version}):
            return super().render(context)


@register.tag("kept")
def do_kept(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("'kept' needs the fragment's name.")
    flag, keep_if = None, True
    if len(bits) >= 4 and bits[-2] in ("if", "unless"):
        flag, keep_if = parser.compile_filter(bits[-1]), bits[-2] == "if"
        bits = bits[:-2]
    nodelist = parser.parse(("endkept",))
    parser.delete_first_token()
    vary_on = [parser.compile_filter(bit) for bit in bits[2:]]
    return KeptNode(nodelist, parser, bits[1], vary_on, flag, keep_if)
