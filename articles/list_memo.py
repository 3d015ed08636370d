"""What a list works out once for all its pages and orders (its date rows, date facet,
window, facets, chart and ranking), kept once per archive version.

A list every reader shares (``shared_list``: the whole archive's, one entity's) keeps them
beside what the other pages share, under its shared name. Any other list, a list of its
own (a search, two filters, a filtered entity page), keeps them in a bounded store of its
own (``archivecache.memo.OWN_LISTS``), by its filters as written (``own_list``): paging
through a search, re-sorting it or asking it again then counts nothing twice (?q=children
at 100,000 articles on PostgreSQL: its date rows, window and six facets are 90 of its
107 ms of SQL), and a crawl of distinct searches can push out only other such lists. A
write changes the archive's version, so nothing kept is ever served stale.
"""

from archivecache.memo import OWN_LISTS, once_per_version


def kept_for_list(filterset, name: str, depends_on: tuple, compute, without=()):
    """``compute()`` for ``filterset``'s list (its filters in ``without`` left out), once
    per archive version for the same list and ``depends_on`` (whatever else the result
    depends on: the counting order, the window's size, the language)."""
    shared = filterset.shared_list(without)
    if shared is not None:
        return once_per_version(name, (*shared, *depends_on), compute)
    key = (*filterset.own_list(without), *depends_on)
    return once_per_version(name, key, compute, cache=OWN_LISTS)
