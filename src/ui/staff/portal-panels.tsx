// The record page's panels about the applicant's portal work, mounted with one line.
import type { StaffPortalView } from '../../services/portal/staff-view.js';
import { ApplicantWork } from './applicant-work.js';
import { StaffDocuments } from './documents.js';
import { InterviewSlotsForm } from './interview-slots.js';

export function PortalPanels(props: { view: StaffPortalView; csrf: string }) {
  const v = props.view;
  return (
    <>
      {v.canOfferSlots ? <InterviewSlotsForm candidateId={v.candidateId} csrf={props.csrf} version={v.version} offered={v.interviewSlots} /> : null}
      <ApplicantWork events={v.fromApplicant} />
      <StaffDocuments candidateId={v.candidateId} documents={v.documents} />
    </>
  );
}
