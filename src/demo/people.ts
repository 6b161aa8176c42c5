// Fictional people for demo data: names common among NHS bank staff and international recruits,
// emails at example.com, phone numbers from Ofcom's drama range, plausible postcodes.
export const firstNames = [
  'Olivia', 'Amelia', 'Grace', 'Chloe', 'Aisha', 'Priya', 'Maria', 'Joy', 'Blessing', 'Chipo', 'Ama', 'Nimmi',
  'Sophie', 'Hannah', 'Fatima', 'Mary', 'Angela', 'Rosemarie', 'Divya', 'Esther', 'Precious', 'Wanjiru', 'Zainab',
  'James', 'Oliver', 'Mohammed', 'Daniel', 'Thomas', 'Arjun', 'Joseph', 'Emmanuel', 'Kwame', 'Tendai', 'Rajesh',
  'Samuel', 'David', 'Liam', 'Jude', 'Chinedu', 'Marco', 'Paolo', 'Anil', 'Kofi', 'Tomasz', 'Ewan', 'Callum',
];
export const lastNames = [
  'Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Patel', 'Khan', 'Santos', 'Reyes', 'Cruz', 'Okafor',
  'Mensah', 'Moyo', 'Ndlovu', 'Mwangi', 'Kumar', 'Sharma', 'Nair', 'Thomas', 'Evans', 'Hughes', 'Roberts', 'Walker',
  'Adeyemi', 'Boateng', 'Osei', 'Chikwanha', 'Garcia', 'Bautista', 'Mendoza', 'Kowalski', 'Nowak', 'Campbell',
  'Stewart', 'MacDonald', 'Ali', 'Hussain', 'Begum', 'Murphy', 'Kelly', 'Francis', 'George', 'Joseph', 'Varghese',
];
export const postcodes = [
  'LS18 4QX', 'M14 5RT', 'B15 2TH', 'NE1 4LP', 'S10 2JF', 'L7 8XP', 'BS2 8HW', 'NG7 2UH', 'LE1 5WW', 'CV2 2DX',
  'SE5 9RS', 'E1 1BB', 'NW3 2QG', 'W12 0HS', 'CB2 0QQ', 'OX3 9DU', 'PL6 8DH', 'EX2 5DW', 'HU3 2JZ', 'YO31 8HE',
];
