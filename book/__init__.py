"""The course book: staging, Sphinx build and PDF (``build``) and the concept-check adapter (``quizzes``)."""
