-- The user's role (issue 4): what the device allows, e.g. sharing data with a partner without a
-- valid consent, with a mandatory reason. Told to the device at enrolment and with every pull.
ALTER TABLE app_user ADD COLUMN role text NOT NULL DEFAULT 'fallmanagement'
  CONSTRAINT app_user_role_known CHECK (role IN ('fallmanagement', 'teamleitung'));
