"""The recruiters' side: which hub gets a lead, the relay, reminders, cards and exports."""
