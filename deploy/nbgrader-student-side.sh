#!/bin/bash
# For nbgrader's exchange only (docs/instructors.md, section 6): adds nbgrader's *student* side to
# the students' image (the Assignments tab to fetch and submit, and Validate) and turns off its
# instructor side (formgrader, Create Assignment, the course list), which students must not see.
# Run it in the image's environment after binder/postBuild, e.g. from a Dockerfile
#   FROM registry.example.org/mgdlearn-singleuser:2026-spring
#   RUN bash deploy/nbgrader-student-side.sh
# (repo2docker copies the repository into the image's home folder, where this script then is.)
set -euo pipefail
PREFIX="${NB_PYTHON_PREFIX:-$(python -c 'import sys; print(sys.prefix)')}"
export PATH="$PREFIX/bin:$PATH"
"$PREFIX/bin/python" -m pip install --no-cache-dir "nbgrader>=0.9,<0.10"
INSTRUCTOR_PLUGINS=(@jupyter/nbgrader:formgrader @jupyter/nbgrader:create-assignment @jupyter/nbgrader:course-list)
jupyter labextension disable --level=sys_prefix "${INSTRUCTOR_PLUGINS[@]}"
# Locked, so JupyterLab's plugin manager does not offer to switch them back on (JupyterLab >= 4.1).
jupyter labextension lock --level=sys_prefix "${INSTRUCTOR_PLUGINS[@]}"
jupyter server extension disable --sys-prefix nbgrader.server_extensions.formgrader
jupyter server extension disable --sys-prefix nbgrader.server_extensions.course_list
