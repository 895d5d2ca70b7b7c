package org.familyjourney.school;

import java.util.List;
import org.familyjourney.casework.CaseCard;
import org.familyjourney.engine.FormCatalog;
import org.familyjourney.processes.SchoolAdvocacyIds;
import org.springframework.stereotype.Component;

/** The case page's school advocacy meetings, in date order, each outcome named as its form names it. */
@Component
class MeetingsCard implements CaseCard {

    public record Row(SchoolMeeting meeting, String outcome) {
    }

    private final SchoolMeetings meetings;
    private final FormCatalog forms;

    MeetingsCard(SchoolMeetings meetings, FormCatalog forms) {
        this.meetings = meetings;
        this.forms = forms;
    }

    @Override
    public String name() {
        return "meetings";
    }

    @Override
    public List<Row> contentFor(String caseReference) {
        return meetings.of(caseReference).stream().map(m -> new Row(m,
                forms.choiceLabel(SchoolAdvocacyIds.Forms.RECORD_MEETING_OUTCOME, "meetingOutcome", m.outcome()))).toList();
    }
}
