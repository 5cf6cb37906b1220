-- Display names (64), channel names (80) and topics (500) are limited in characters as a person counts them
-- (code points), but a VARCHAR counts UTF-16 units, in which an emoji or any other character outside the
-- Basic Multilingual Plane takes two. Each column now holds its limit even when every character takes two.
ALTER TABLE app_user ALTER COLUMN display_name SET DATA TYPE VARCHAR(128);
ALTER TABLE channel ALTER COLUMN name SET DATA TYPE VARCHAR(160);
ALTER TABLE channel ALTER COLUMN topic SET DATA TYPE VARCHAR(1000);
