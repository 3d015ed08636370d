"""An article as a national newspaper might print it, in clean paragraphs: not a seed.

It exercises the entity, quote and milestone parsers on other people, other
organisations, other quote forms and other date phrases than the seeds show.
"""

from articles.parsing.fuzzydate import FuzzyDate

PUBLISHED = FuzzyDate(2022, 5, 23)

PARAGRAPHS = [
    "Children’s social care review calls for £2.6bn reform package",
    "Josh MacAlister says the system needs a radical reset as charities warn of years of delay",
    "The independent review of children’s social care in England has called for a £2.6bn "
    "overhaul, warning that the number of children in care will rise to almost 100,000 by 2032.",
    "Josh MacAlister, the review’s chair, said the current system was “a 40-year-old car that "
    "needs replacing rather than repairing”.",
    "“We need a radical reset,” he said. “Families must be helped much earlier, before "
    "problems escalate.”",
    "Anne Longfield, the former children’s commissioner for England, welcomed the report but "
    "warned that councils would need “sustained investment over many years”.",
    "The Local Government Association (LGA) said the plans were ambitious. Cllr Louise "
    "Gittins, chair of the LGA’s children and young people board, said: “Councils share the "
    "review’s ambition, but these reforms will only work if they are properly funded.”",
    "The Department for Education said it would respond later this year. A government "
    "spokesperson said: “We will set out our plans in due course.”",
    "The review’s final report was published on 23 May 2022, 15 months after it launched in "
    "January 2021.",
    "Mark Russell, chief executive of the Children’s Society, said the proposals were “a "
    "once-in-a-generation opportunity”.",
]
