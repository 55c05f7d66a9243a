"""Indonesian language pack (data files; morphology in :mod:`quizgen.lang.id.morphology`)."""
