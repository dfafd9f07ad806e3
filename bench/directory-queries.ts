/** 100 varied searches, as patients type them: lay words, misspellings, places, names, specialties. */
export const DIRECTORY_QUERIES = [
	'skin doctor', 'sugar', 'pregnancy check', 'malaria', 'fever', 'child fever', 'baby', 'toothache', 'teeth', 'eye',
	'cant see well', 'ear pain', 'sore throat', 'cough', 'asthma', 'breathing problem', 'chest pain', 'heart', 'high blood', 'BP',
	'diabetes', 'diabetis', 'dermatolgy', 'pediatrcs', 'gynaecology', 'antenatal', 'ANC', 'family planning', 'hiv test', 'tb',
	'typhoid', 'stomach pain', 'belly', 'ulcer', 'diarrhoea', 'kidney', 'urine pain', 'back pain', 'broken bone', 'fracture',
	'x-ray', 'lab test', 'blood test', 'pharmacy', 'hospital', 'health post', 'emergency', 'accident', 'mental', 'stress',
	'depression', 'headache', 'stroke', 'epilepsy', 'cancer', 'lump in breast', 'anaemia', 'sickle cell', 'arthritis', 'joint pain',
	'physiotherapy', 'rehab', 'surgery', 'hernia', 'vaccination', 'immunisation', 'wound', 'burn', 'rash', 'itching',
	'allergy', 'Kumasi', 'Kumasy', 'Obuasi', 'Ejisu', 'Tamale', 'Yendi', 'Savelugu', 'Mampong', 'Bekwai',
	'Konongo clinic', 'Tamale hospital', 'dentist Kumasi', 'eye clinic Tamale', 'children hospital', 'maternity', 'midwife', 'scan', 'ultrasound', 'covenant',
	'community', 'family clinic', 'medical centre', 'general practice', 'doctor', 'nurse', 'free clinic', 'telehealth', 'walk in', 'Dr Mensah'
];
