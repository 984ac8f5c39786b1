-- Which versions of the grading tables graded a case (ids of categoryDetection, urgencyDetection,
-- severityGrading and teamRouting as deployed), and whether the buyer said it was urgent.
ALTER TABLE after_sales_cases ADD COLUMN graded_by VARCHAR(600);
ALTER TABLE after_sales_cases ADD COLUMN candidate_group VARCHAR(64);
