-- Client names and versions are bounded to 100 characters from now on (initialize's clientInfo).
-- Rows written before carry whatever clients sent (a 900 KB name was seen): cut them too, so
-- roll-ups of those minutes fit CallRollup's primary key again.
UPDATE "CallLog" SET "clientName" = left("clientName", 100) WHERE length("clientName") > 100;
UPDATE "CallLog" SET "clientVersion" = left("clientVersion", 100) WHERE length("clientVersion") > 100;
