export interface MeetingTable {
  id: string;
  chain_id: string;
  year: number;
  host_city_id: string;
  start_date: string | null; // plain date YYYY-MM-DD
  end_date: string | null;
  venue: string | null;
  theme: string | null;
  status: string; // forecast | planned | confirmed | held | postponed | cancelled
  created_at: string;
  updated_at: string;
}
