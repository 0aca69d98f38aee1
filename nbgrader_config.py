"""nbgrader configuration for grading the mgdlearn exercises (instructors only).

The instructor notebooks in ``exercises/solutions/exNN/`` are the nbgrader *source* (autograded
answer cells, test cells with points and hidden tests); everything nbgrader writes (release,
submitted, autograded, feedback, the gradebook) goes to ``nbgrader_work/`` (not committed).

Typical workflow, from the repository root::

    nbgrader generate_assignment ex01 --force      # student version -> nbgrader_work/release/ex01
    nbgrader collect ex01                          # or copy submissions to nbgrader_work/submitted/<student>/ex01/
    nbgrader autograde ex01 --create --force
    nbgrader generate_feedback ex01 --force
    nbgrader export                                # grades.csv

Rebuild the notebooks after editing a source: ``python scripts/build_exercises.py``.
"""
import os

c = get_config()  # noqa: F821 - provided by nbgrader when it loads this file

_HERE = os.path.dirname(os.path.abspath(__file__))

os.makedirs(os.path.join(_HERE, "nbgrader_work"), exist_ok=True)  # a fresh clone has no work folder yet

c.CourseDirectory.course_id = "mgdlearn"
c.CourseDirectory.root = os.path.join(_HERE, "nbgrader_work")
c.CourseDirectory.source_directory = os.path.join(_HERE, "exercises", "solutions")
c.CourseDirectory.db_url = "sqlite:///" + os.path.join(_HERE, "nbgrader_work", "gradebook.db")
c.Exchange.root = os.path.join(_HERE, "nbgrader_work", "exchange")
# Model exercises run simulations; give each cell time on a busy hub.
c.ExecutePreprocessor.timeout = 300
# The student version keeps the notebook importable: answer cells get nbgrader's usual stub.
c.ClearSolutions.code_stub = {"python": "# YOUR CODE HERE\nraise NotImplementedError()"}
