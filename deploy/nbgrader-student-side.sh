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
jupyter labextension disable --level=sys_prefix \
    @jupyter/nbgrader:formgrader @jupyter/nbgrader:create-assignment @jupyter/nbgrader:course-list
jupyter server extension disable --sys-prefix nbgrader.server_extensions.formgrader
jupyter server extension disable --sys-prefix nbgrader.server_extensions.course_list
