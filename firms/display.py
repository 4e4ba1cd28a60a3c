"""A link as people see it: its answers in words and its checklist, through guides' one presenter.

The client page /<lang>/c/<code>, its calendar file, its print and the workspace's handout all read
this; the firm adds only what is its own (the note and its extra tasks, marked as the firm's).
"""

import re

from django.utils import translation

from firms import checklist

ARABIC_LETTER = re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF]")


def written_in(text: str, link) -> str:
    """The language the firm wrote ``text`` (its note, a task) in: the link's (the client's) language,
    which the form asks for; but Latin-script text on an Arabic link is taken as English (firms' working
    language), and Arabic text on another link as Arabic. There is no field for it: a reading, not a record."""
    if ARABIC_LETTER.search(text or ""):
        return "ar"
    return "en" if link.language == "ar" else link.language


def situation_summary(link):
    """[(question, answer)] in the active language, worded as in the questionnaire."""
    from guides.presenter import answer_summary

    return [(question, answer) for question, answer, _change in answer_summary(checklist.parse_stored(link.situation))]


def firm_tasks(link, situation) -> list[dict]:
    """The firm's own tasks with their dates (from the link's arrival date, if it has one)."""
    return [
        {
            "title": task.title,
            "phase": task.phase,
            "due": task.due(situation.arrival),
            "lang": written_in(task.title, link),
        }
        for task in link.tasks.all()
    ]


def checklist_context(link, request=None, track="all"):
    """The link's checklist page in the active language: the public checklist of its answers and the
    firm's tasks, by phase, with what changed since the link was made (under the rules version it stored)."""
    from guides.presenter import answer_summary, checklist_page
    from guides.situation import today

    situation = checklist.parse_stored(link.situation)
    language = translation.get_language() or link.language
    data = checklist.checklist(situation, language, request=request, since=link.rules_version)
    tasks = firm_tasks(link, situation)
    context = checklist_page(
        situation,
        data,
        track=track,
        on=today(),
        calendar=f"/{language}/c/{link.code}/calendar.ics",
        firm_tasks=tasks,
    )
    context.update(
        checklist=data,
        link=link,
        firm=link.firm,
        # The firm's note in its own language: marked as such on a page in another.
        note_lang=written_in(link.note, link),
        rules_version=link.rules_version,
        summary=answer_summary(situation),
        storage_key=f"landa:link:{link.code}",
        firm_task_count=len(tasks),
    )
    return context
