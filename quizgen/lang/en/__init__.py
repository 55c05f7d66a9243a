"""English language pack (data files; morphology in :mod:`quizgen.lang.en.morphology`)."""
