package org.familyjourney.referral;

import java.util.ArrayList;
import java.util.List;

/**
 * A referral as a page form posts it. Input names are the API's field names (referrer.name,
 * children[0].dateOfBirth, consent.given), so {@link ReferralValidator}'s problems point straight
 * back at the inputs. Everything is text, as in {@link ReferralRequest}.
 */
public class ReferralForm {

    static final int CHILD_ROWS = 4;

    private String source;
    private Person referrer = new Person();
    private Parent parent = new Parent();
    private List<Child> children = new ArrayList<>();
    private List<String> concerns = new ArrayList<>();
    private String details;
    private Consent consent = new Consent();

    public ReferralForm() {
        while (children.size() < CHILD_ROWS) {
            children.add(new Child());
        }
    }

    /** The request the validator checks; blank child rows are left out (see {@link #childPositions()}). */
    ReferralRequest toRequest() {
        List<ReferralRequest.ChildRequest> kids = children.stream().filter(c -> c != null && !c.blank())
                .map(c -> new ReferralRequest.ChildRequest(c.name, c.dateOfBirth, c.school)).toList();
        Boolean given = consent.given == null || consent.given.isBlank() ? null : Boolean.valueOf("true".equals(consent.given));
        return new ReferralRequest(source, new ReferralRequest.Person(referrer.name, referrer.organisation, referrer.email, referrer.phone),
                new ReferralRequest.Parent(parent.name, parent.phone, parent.email, parent.address, parent.postcode),
                kids, concerns == null ? List.of() : concerns, details, new ReferralRequest.ConsentRequest(given, consent.by, consent.at));
    }

    /** For each child the request lists, its row on the form, so a problem lands on the row it is about. */
    List<Integer> childPositions() {
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < children.size(); i++) {
            if (children.get(i) != null && !children.get(i).blank()) {
                rows.add(i);
            }
        }
        return rows;
    }

    /** The validator's problems with child positions of the request turned back into rows of the form. */
    List<org.familyjourney.web.FieldProblem> onForm(List<org.familyjourney.web.FieldProblem> problems) {
        List<Integer> rows = childPositions();
        return problems.stream().map(p -> {
            java.util.regex.Matcher child = java.util.regex.Pattern.compile("^children\\[(\\d+)](.*)$").matcher(p.field());
            if (child.matches() && Integer.parseInt(child.group(1)) < rows.size()) {
                return new org.familyjourney.web.FieldProblem("children[" + rows.get(Integer.parseInt(child.group(1))) + "]"
                        + child.group(2), p.message());
            }
            return p;
        }).toList();
    }

    /** Keeps at least the usual number of rows to fill in (a kept form may have fewer, or more). */
    void padChildren() {
        while (children.size() < CHILD_ROWS) {
            children.add(new Child());
        }
    }

    public static class Person {
        private String name, organisation, email, phone;
        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getOrganisation() { return organisation; }
        public void setOrganisation(String organisation) { this.organisation = organisation; }
        public String getEmail() { return email; }
        public void setEmail(String email) { this.email = email; }
        public String getPhone() { return phone; }
        public void setPhone(String phone) { this.phone = phone; }
    }

    public static class Parent {
        private String name, phone, email, address, postcode;
        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getPhone() { return phone; }
        public void setPhone(String phone) { this.phone = phone; }
        public String getEmail() { return email; }
        public void setEmail(String email) { this.email = email; }
        public String getAddress() { return address; }
        public void setAddress(String address) { this.address = address; }
        public String getPostcode() { return postcode; }
        public void setPostcode(String postcode) { this.postcode = postcode; }
    }

    public static class Child {
        private String name, dateOfBirth, school;
        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getDateOfBirth() { return dateOfBirth; }
        public void setDateOfBirth(String dateOfBirth) { this.dateOfBirth = dateOfBirth; }
        public String getSchool() { return school; }
        public void setSchool(String school) { this.school = school; }
        boolean blank() {
            return isBlank(name) && isBlank(dateOfBirth) && isBlank(school);
        }
    }

    public static class Consent {
        private String given, by, at;
        public String getGiven() { return given; }
        public void setGiven(String given) { this.given = given; }
        public String getBy() { return by; }
        public void setBy(String by) { this.by = by; }
        public String getAt() { return at; }
        public void setAt(String at) { this.at = at; }
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    public String getSource() { return source; }
    public void setSource(String source) { this.source = source; }
    public Person getReferrer() { return referrer; }
    public void setReferrer(Person referrer) { this.referrer = referrer; }
    public Parent getParent() { return parent; }
    public void setParent(Parent parent) { this.parent = parent; }
    public List<Child> getChildren() { return children; }
    public void setChildren(List<Child> children) { this.children = children; }
    public List<String> getConcerns() { return concerns; }
    public void setConcerns(List<String> concerns) { this.concerns = concerns; }
    public String getDetails() { return details; }
    public void setDetails(String details) { this.details = details; }
    public Consent getConsent() { return consent; }
    public void setConsent(Consent consent) { this.consent = consent; }
}
