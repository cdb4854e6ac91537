package com.clockface.ui.kiosk;

import com.clockface.checkin.CheckinAnalyser;
import com.clockface.checkin.CheckinService;

/** The check-in analysis (fused liveness, identification, punch) the kiosk's session hands its capture to. */
final class KioskAnalysers {
    private KioskAnalysers() {}

    /** The check-in service with the settings stored in the kiosk's database; capsules in the home's folder. */
    static CheckinAnalyser forRuntime(KioskRuntime rt) {
        return CheckinService.fromDatabase(rt.engine(), rt.db(), rt.home().capsules());
    }
}
