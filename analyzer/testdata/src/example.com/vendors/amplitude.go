package vendors

import "github.com/amplitude/analytics-go/amplitude"

// Amplitude: the default server zone is the US.
func ampTrack(u User) {
	c := amplitude.NewClient(amplitude.NewConfig("key"))
	c.Track(amplitude.Event{EventType: "signup", EventOptions: amplitude.EventOptions{UserID: u.ID}}) // want `^amplitude.Client.Track to api2.amplitude.com sends personal data to the United States`
}

// ServerZone EU: api.eu.amplitude.com, which names no country.
func ampTrackEU(u User) {
	c := amplitude.NewClient(amplitude.Config{APIKey: "key", ServerZone: amplitude.ServerZoneEU})
	c.Identify(amplitude.Identify{}, amplitude.EventOptions{UserID: u.ID}) // want `^amplitude.Client.Identify to api.eu.amplitude.com: cannot decide where it sends personal data: Amplitude EU data center names no country`
}

// A ServerURL wins over the zone.
func ampTrackProxy(u User) {
	c := amplitude.NewClient(amplitude.Config{APIKey: "key", ServerZone: amplitude.ServerZoneEU, ServerURL: "https://amplitude-proxy.example.de/2/httpapi"})
	c.Track(amplitude.Event{EventType: "signup", EventOptions: amplitude.EventOptions{UserID: u.ID}}) // want `^amplitude.Client.Track to amplitude-proxy.example.de sends personal data to Germany`
}

// Flush sends what was queued; it is given nothing.
func ampFlush() {
	c := amplitude.NewClient(amplitude.NewConfig("key"))
	c.Flush()
}

// The zone set on a Config after NewConfig, as the SDK's examples do.
func ampTrackEUConfig(u User) {
	config := amplitude.NewConfig("key")
	config.ServerZone = amplitude.ServerZoneEU
	c := amplitude.NewClient(config)
	c.Track(amplitude.Event{EventType: "signup", EventOptions: amplitude.EventOptions{UserID: u.ID}}) // want `^amplitude.Client.Track to api.eu.amplitude.com: cannot decide`
}
