"""What each explorer computes: its data classes and a pure ``compute(...)``, one module per family.

Between the model and the views: an experiment turns the settings of an explorer (or of a lesson's
figure) into the data the figure shows, using :mod:`mgdlearn.model` (and its analysis API),
:mod:`mgdlearn.nutrition`, :mod:`mgdlearn.sun` and the fact layer. It never draws and never knows
about widgets: :mod:`mgdlearn.plots` draws its data, :mod:`mgdlearn.widgets` wires controls to it.

Modules
-------
status         where a 25(OH)D result falls (lesson 00)
activation     magnesium status x vitamin D intake, and the pathway's fluxes (lesson 01)
feedback       the biphasic magnesium - PTH curve (lesson 02)
pth_challenge  a low-calcium challenge at two magnesium levels (lesson 02)
loop           the calcitriol -> magnesium-absorption loop, on and off, and its gain (lesson 03)
deficiency     dose-response, PTH response, calcification indicator, the rickets case (lesson 04)
sun            skin vitamin D by latitude, season and skin type, and the model's year (lesson 05)
foods          the richest foods per serving (lesson 05)
meal_planner   a day's intake against the reference values, and the diet's run (lesson 05)
comparison     the article's magnesium-versus-vitamin D table with numbers (lesson 05)
"""
