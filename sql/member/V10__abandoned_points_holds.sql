-- The abandoned-hold sweep looks for points still HELD long after their order attempt began.
ALTER TABLE points_hold ADD KEY idx_points_hold_age (status, created_at);
