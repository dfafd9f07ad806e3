/** Every word the records exchange shows, in one place so it can move into the translation files. */
export const TEXT = {
	pageTitle: 'Take your records to another clinic',
	exportHeading: 'Take your records to another clinic',
	exportIntro: 'Make a file with your records. Give it to another clinic or keep it. The file is made on this phone or computer; nothing is sent anywhere.',
	whichRecords: 'Which records to take',
	chooseAll: 'All my records',
	personalDetailsTitle: 'My personal details (name, birth date, sex, blood group)',
	scan: 'scanned paper',
	scanCount: (n: number) => `${n} scanned ${n === 1 ? 'paper' : 'papers'}`,
	seeProfile: 'See my profile',
	linkExport: 'Take your records to another clinic',
	linkImport: 'Add records from a file',
	chooseSome: 'Let me choose',
	includeHidden: 'Also take records I hid',
	makeFile: 'Save the file',
	showQr: 'Show a QR code',
	qrAlt: 'QR code with your records',
	qrHelp: 'Let the clinic scan this code with their phone.',
	tooBigForQr: (bytes: number, limit: number) => `Too many records for a QR code (${bytes} bytes, a code holds ${limit}). Save the file instead, or choose fewer records.`,
	nothingChosen: 'Choose at least one record.',
	chosenCount: (n: number) => `${n} ${n === 1 ? 'record' : 'records'} chosen`,
	importHeading: 'Add records from a file',
	importIntro: 'Choose a health records file (FHIR) from another clinic or app. You will see what it holds before anything is added.',
	fileLabel: 'Records file',
	pasteLabel: 'Or paste the text of the file',
	check: 'Check the file',
	confirm: 'Add these records',
	cancel: 'Do not add',
	added: (n: number) => `Added ${n} ${n === 1 ? 'record' : 'records'} to your profile.`,
	nothingToAdd: 'Nothing new to add: everything in the file is already in your profile.',
	skippedTypes: (list: string) => `Not used (this app does not keep them): ${list}.`,
	clinicWritten: (n: number) => `${n} of them ${n === 1 ? 'was' : 'were'} written by a clinic: here they become your own records.`,
	duplicates: (n: number) => `${n} already in your profile, skipped.`,
	willAdd: (parts: string) => `Will add ${parts}.`,
	/** filled into a medication read from a file when the file does not say */
	notGiven: 'not given',
	whenNeeded: 'when needed',
	timesEvery: (times: number, period: number, unit: string) =>
		`${times} ${times === 1 ? 'time' : 'times'} every ${period === 1 ? '' : `${period} `}${({ h: 'hour', d: 'day', wk: 'week', mo: 'month' } as Record<string, string>)[unit] ?? unit}${period === 1 ? '' : 's'}`,
	errors: {
		tooBig: (limitMb: number) => `This file is too big (more than ${limitMb} MB). Ask for a smaller one.`,
		notJson: 'This is not a records file: it could not be read as FHIR JSON.',
		notBundle: 'This file is not a FHIR Bundle (a set of health records).',
		wrongBundleType: (type: string) => `This kind of Bundle ("${type}") cannot be added.`,
		tooMany: (limit: number) => `This file holds too many records (more than ${limit}).`,
		entryBroken: (n: number) => `Record number ${n} in the file is broken and was left out.`,
		cannotSave: 'Some records could not be added. Nothing was changed.'
	}
} as const;

/** How many records of a kind, in plain words ("3 allergies"). */
export const KIND_COUNT: Record<string, (n: number) => string> = {
	about: () => 'your personal details',
	condition: (n) => `${n} ${n === 1 ? 'condition' : 'conditions'}`,
	allergy: (n) => `${n} ${n === 1 ? 'allergy' : 'allergies'}`,
	medication: (n) => `${n} ${n === 1 ? 'medication' : 'medications'}`,
	observation: (n) => `${n} ${n === 1 ? 'vital or lab value' : 'vitals and lab values'}`,
	note: (n) => `${n} ${n === 1 ? 'note' : 'notes'}`
};
