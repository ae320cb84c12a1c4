/** Page-number pagination for HTML lists (1-based, bounded). */
export interface PageRequest {
  page: number;
  size: number;
  limit: number;
  offset: number;
}

export function pageRequest(raw: unknown, size = 50): PageRequest {
  const n = typeof raw === 'string' && /^\d{1,6}$/.test(raw) ? Number(raw) : 1;
  const page = Math.max(1, n);
  return { page, size, limit: size, offset: (page - 1) * size };
}

export interface PageInfo {
  page: number;
  size: number;
  total: number;
  pages: number;
  from: number;
  to: number;
}

export function pageInfo(req: PageRequest, total: number, shown: number): PageInfo {
  return {
    page: req.page,
    size: req.size,
    total,
    pages: Math.max(1, Math.ceil(total / req.size)),
    from: shown === 0 ? 0 : req.offset + 1,
    to: req.offset + shown,
  };
}
