// clawsim's own version, carried by every report.
export const clawsimVersion = "0.1.0";
