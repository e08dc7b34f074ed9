/** POST /admin/access-reviews → 202: the run is queued; poll GET /admin/access-reviews/:id until it is finished. */
export interface StartedReviewDto {
  id: string;
  status: 'queued';
}
