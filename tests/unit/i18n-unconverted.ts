// Components not yet converted to messages (see i18n-strings.test.ts). Remove a file once its words come
// from messages/<locale>/<capability>.json; the list must end empty.
export const UNCONVERTED: readonly string[] = [
	'src/lib/directory/FirstRunRegion.svelte',
	'src/lib/profile/ClinicSource.svelte',
	'src/lib/profile/ProfileSummary.svelte',
	'src/lib/profile/RecordForm.svelte',
	'src/lib/session/ForgotPin.svelte',
	'src/lib/session/LockScreen.svelte',
	'src/lib/session/NewProfileForm.svelte',
	'src/lib/session/NewSecretFields.svelte',
	'src/lib/sync/AccountPanel.svelte',
	'src/lib/ui/AppHeader.svelte',
	'src/lib/ui/DeviceSettings.svelte',
	'src/lib/ui/UpdatePrompt.svelte',
	'src/routes/+page.svelte',
	'src/routes/account/+page.svelte',
	'src/routes/new/+page.svelte',
	'src/routes/profile/+page.svelte',
	'src/routes/profile/edit/+page.svelte',
	'src/routes/profile/exchange/+page.svelte'
]
;
