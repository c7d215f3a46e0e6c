-- A group belongs to a programme cycle and one of its waves; both optional (groups proposed before cycles were used
-- have none), and a wave only with its cycle.
ALTER TABLE exchange_group ADD COLUMN cycle_id UUID REFERENCES programme_cycle (id);
ALTER TABLE exchange_group ADD COLUMN wave_number INT;
ALTER TABLE exchange_group ADD CONSTRAINT exchange_group_wave_fk
  FOREIGN KEY (cycle_id, wave_number) REFERENCES programme_wave (cycle_id, number);
ALTER TABLE exchange_group ADD CONSTRAINT exchange_group_wave_needs_cycle
  CHECK (wave_number IS NULL OR cycle_id IS NOT NULL);
CREATE INDEX exchange_group_cycle_idx ON exchange_group (cycle_id, wave_number);

-- Programme history: meetings and outcomes entered after they happened keep the date they happened on, and say who
-- entered them and when. Attendance (and guests) at such a meeting is marked too; who and when are its recorded_by
-- and recorded_at.
ALTER TABLE meeting ADD COLUMN recorded_afterwards_by UUID;
ALTER TABLE meeting ADD COLUMN recorded_afterwards_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE attendance ADD COLUMN recorded_afterwards BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE meeting_guest ADD COLUMN recorded_afterwards BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE outcome ADD COLUMN recorded_afterwards_by UUID;
ALTER TABLE outcome ADD COLUMN recorded_afterwards_at TIMESTAMP WITH TIME ZONE;
