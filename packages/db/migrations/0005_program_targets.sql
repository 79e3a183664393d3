-- The programme's yearly targets for new villages are public reference figures (Kemnaker's
-- 2017 plan: 120 in 2017, 130 in 2018, 150 in 2019; the two 2016 pilots), so every install
-- has them — not only a demo. The ministry edits them in the app.
INSERT INTO program_targets (year, target) VALUES (2016, 2), (2017, 120), (2018, 130), (2019, 150)
ON CONFLICT (year) DO NOTHING;
