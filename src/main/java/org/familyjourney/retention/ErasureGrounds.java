package org.familyjourney.retention;

/** Why a record is erased: what the journey log keeps instead of any free text (which could name the family). */
public enum ErasureGrounds {
    /** The parent or carer asked (UK GDPR Art. 17) and the referral never became a case we worked. */
    FAMILY_REQUEST,
    /** The referrer withdrew a referral that was never worked. */
    REFERRER_WITHDREW,
    /** The referral was entered about the wrong family or by mistake. */
    ENTERED_IN_ERROR
}
