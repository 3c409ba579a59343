/**
 * The built-in question bank: common interview questions with a category (topic), a type (the kind of answer
 * it asks for: see contracts/questions.ts) and the roles it suits ('any' = every role). Ids are stable; the
 * seed is applied at every start and brings bank rows up to date (text, category, type, roles) without
 * touching users' own questions or the hiring team's.
 */
import type { QuestionRole, QuestionType } from '../../../contracts/questions.js';

export interface SeedQuestion {
  id: string;
  text: string;
  category: string;
  type: QuestionType;
  roles: QuestionRole[];
}

type Row = [id: string, category: string, type: QuestionType, text: string];

const any = (rows: Row[]): SeedQuestion[] => rows.map(([id, category, type, text]) => ({ id, category, type, text, roles: ['any'] }));
const forRole = (role: QuestionRole, rows: Row[]): SeedQuestion[] => rows.map(([id, category, type, text]) => ({ id, category, type, text, roles: [role] }));

/** Questions for every role (the original 27 keep their ids and texts). */
const general = any([
  ['q-gen-01', 'general', 'general', 'Tell me about yourself.'],
  ['q-gen-02', 'general', 'motivation', 'Why do you want to work here?'],
  ['q-gen-03', 'general', 'general', 'What are your greatest strengths?'],
  ['q-gen-04', 'general', 'general', 'What is a weakness you are working on, and how?'],
  ['q-gen-05', 'general', 'motivation', 'Why are you interested in this role?'],
  ['q-gen-06', 'general', 'general', 'What makes you a good fit for this position?'],
  ['q-gen-07', 'general', 'general', 'How would your last manager describe you?'],
  ['q-gen-08', 'general', 'general', 'What do you know about our organisation?'],
  ['q-gen-09', 'general', 'general', 'How do you organise your work when you have several priorities at once?'],
  ['q-gen-10', 'general', 'general', 'Do you have any questions for us?'],
  ['q-beh-01', 'behavioral', 'behavioural', 'Describe a time you faced a difficult problem at work and how you solved it.'],
  ['q-beh-02', 'behavioral', 'behavioural', 'Tell me about a mistake you made and what you learned from it.'],
  ['q-beh-03', 'behavioral', 'behavioural', 'Describe a situation where you had to meet a tight deadline.'],
  ['q-beh-04', 'behavioral', 'behavioural', 'Tell me about a time you had to adapt to a big change.'],
  ['q-beh-05', 'behavioral', 'behavioural', 'Give an example of a goal you set and how you reached it.'],
  ['q-beh-06', 'behavioral', 'behavioural', 'Describe a time you received critical feedback. How did you respond?'],
  ['q-beh-07', 'behavioral', 'behavioural', 'Tell me about a time you failed. What happened next?'],
  ['q-beh-08', 'behavioral', 'behavioural', 'Describe a time you had to learn something new very quickly.'],
  ['q-beh-09', 'behavioral', 'behavioural', 'Tell me about a time you went above and beyond what was expected.'],
  ['q-beh-10', 'behavioral', 'behavioural', 'Describe a time you noticed a problem before anyone else did.'],
  ['q-team-01', 'teamwork', 'behavioural', 'Tell me about a time you worked with a difficult colleague.'],
  ['q-team-02', 'teamwork', 'behavioural', 'Describe a successful team project you were part of and your role in it.'],
  ['q-team-03', 'teamwork', 'situational', 'How do you handle disagreements within a team?'],
  ['q-team-04', 'teamwork', 'behavioural', 'Tell me about a time you helped a teammate who was struggling.'],
  ['q-team-05', 'teamwork', 'situational', 'How do you keep a team informed when plans change?'],
  ['q-team-06', 'teamwork', 'behavioural', 'Tell me about a time a team you were in did not work well together. What did you do?'],
  ['q-team-07', 'teamwork', 'situational', 'A colleague keeps missing their part of a shared task. What would you do?'],
  ['q-lead-01', 'leadership', 'behavioural', 'Describe a time you led a project or a team.'],
  ['q-lead-02', 'leadership', 'behavioural', 'Tell me about a decision you made without having all the information.'],
  ['q-lead-03', 'leadership', 'situational', 'How do you motivate others when a project is going badly?'],
  ['q-lead-04', 'leadership', 'behavioural', 'Describe a time you had to persuade someone to see things your way.'],
  ['q-lead-05', 'leadership', 'behavioural', 'Tell me about a time you took initiative beyond your role.'],
  ['q-lead-06', 'leadership', 'behavioural', 'Tell me about a time you had to give someone difficult feedback.'],
  ['q-car-01', 'career', 'motivation', 'Where do you see yourself in five years?'],
  ['q-car-02', 'career', 'motivation', 'Why are you leaving your current job?'],
  ['q-car-03', 'career', 'motivation', 'What are you looking for in your next role?'],
  ['q-car-04', 'career', 'behavioural', 'What skill have you recently learned, and how did you learn it?'],
  ['q-car-05', 'career', 'behavioural', 'What accomplishment are you most proud of?'],
  ['q-car-06', 'career', 'motivation', 'What kind of work environment helps you do your best work?'],
  ['q-comm-01', 'communication', 'behavioural', 'Tell me about a time you had to explain something complicated to someone without your background.'],
  ['q-comm-02', 'communication', 'behavioural', 'Describe a time a misunderstanding caused a problem. How did you sort it out?'],
  ['q-comm-03', 'communication', 'situational', 'How would you deliver bad news to a customer or a manager?'],
  ['q-prob-01', 'problem-solving', 'behavioural', 'Tell me about a process you improved. How did you know it was better?'],
  ['q-prob-02', 'problem-solving', 'situational', 'You are given a task with unclear instructions and your manager is away. What do you do?'],
  ['q-prob-03', 'problem-solving', 'behavioural', 'Describe a time you used data or evidence to make a decision.'],
]);

const softwareEngineer = forRole('software-engineer', [
  ['q-swe-01', 'technical', 'technical', 'Walk me through how you would design a URL shortening service.'],
  ['q-swe-02', 'technical', 'technical', 'How do you decide when code is ready to be merged?'],
  ['q-swe-03', 'technical', 'technical', 'Explain the difference between a process and a thread, and when you would use each.'],
  ['q-swe-04', 'technical', 'technical', 'How would you find the cause of a web page that has suddenly become slow?'],
  ['q-swe-05', 'technical', 'technical', 'What makes a good automated test? Give an example of a test you wrote that caught a real bug.'],
  ['q-swe-06', 'technical', 'technical', 'How would you store and check user passwords safely?'],
  ['q-swe-07', 'technical', 'technical', 'Explain what an index in a database does and when it can make things slower.'],
  ['q-swe-08', 'problem-solving', 'behavioural', 'Tell me about the hardest bug you have fixed. How did you find it?'],
  ['q-swe-09', 'teamwork', 'behavioural', 'Describe a code review where you disagreed with a colleague. How was it resolved?'],
  ['q-swe-10', 'problem-solving', 'behavioural', 'Tell me about a time you had to work with a large codebase you did not know.'],
  ['q-swe-11', 'problem-solving', 'situational', 'Production is down at 2 a.m. and you are on call. Walk me through what you do.'],
  ['q-swe-12', 'technical', 'technical', 'How would you approach paying down technical debt while still shipping features?'],
  ['q-swe-13', 'communication', 'behavioural', 'Tell me about a technical decision you had to explain to non-technical people.'],
  ['q-swe-14', 'career', 'motivation', 'What kind of software do you enjoy building most, and why?'],
  ['q-swe-15', 'technical', 'technical', 'How would you make an API safe to retry when the network fails halfway?'],
  ['q-swe-16', 'leadership', 'behavioural', 'Tell me about a time you mentored a less experienced developer.'],
]);

const sales = forRole('sales', [
  ['q-sal-01', 'customer', 'situational', 'Sell me this pen.'],
  ['q-sal-02', 'customer', 'behavioural', 'Tell me about the biggest deal you closed. How did you win it?'],
  ['q-sal-03', 'customer', 'behavioural', 'Describe a deal you lost. What did you learn from it?'],
  ['q-sal-04', 'customer', 'situational', 'A prospect says your price is too high. How do you respond?'],
  ['q-sal-05', 'problem-solving', 'technical', 'How do you build and manage your sales pipeline?'],
  ['q-sal-06', 'customer', 'behavioural', 'Tell me about a time you turned a cold lead into a customer.'],
  ['q-sal-07', 'career', 'behavioural', 'How have you handled a quarter where you were behind your target?'],
  ['q-sal-08', 'customer', 'technical', 'How do you research a prospect before the first call?'],
  ['q-sal-09', 'communication', 'situational', 'A customer asks for a feature your product does not have. What do you say?'],
  ['q-sal-10', 'teamwork', 'behavioural', 'Tell me about a time you worked with another team to close a sale.'],
  ['q-sal-11', 'career', 'motivation', 'What motivates you in sales apart from commission?'],
  ['q-sal-12', 'customer', 'behavioural', 'Describe how you kept a key account happy over a long period.'],
  ['q-sal-13', 'customer', 'situational', 'A buyer goes silent after a good demo. What do you do next?'],
  ['q-sal-14', 'problem-solving', 'technical', 'Which sales figures do you track each week, and why those?'],
  ['q-sal-15', 'customer', 'behavioural', 'Tell me about a time you walked away from a sale. Why?'],
  ['q-sal-16', 'communication', 'technical', 'How do you handle a first call with a decision maker who has only ten minutes?'],
]);

const nurse = forRole('nurse', [
  ['q-nur-01', 'career', 'motivation', 'Why did you choose nursing?'],
  ['q-nur-02', 'customer', 'behavioural', 'Tell me about a time you cared for a patient who was anxious or upset.'],
  ['q-nur-03', 'problem-solving', 'situational', 'A patient\'s condition suddenly gets worse during your shift. Walk me through what you do.'],
  ['q-nur-04', 'teamwork', 'behavioural', 'Describe a time you disagreed with a doctor about a patient\'s care.'],
  ['q-nur-05', 'problem-solving', 'situational', 'You have more patients needing attention than you can see at once. How do you prioritise?'],
  ['q-nur-06', 'technical', 'technical', 'How do you make sure medication is given safely?'],
  ['q-nur-07', 'communication', 'behavioural', 'Tell me about a time you explained a treatment to a patient or their family.'],
  ['q-nur-08', 'behavioral', 'behavioural', 'Describe a mistake or near miss at work and what you did about it.'],
  ['q-nur-09', 'customer', 'situational', 'A family member is angry about how their relative is being treated. How do you handle it?'],
  ['q-nur-10', 'career', 'behavioural', 'How do you look after yourself after a difficult shift?'],
  ['q-nur-11', 'technical', 'technical', 'How do you hand over patients at the end of a shift so nothing is missed?'],
  ['q-nur-12', 'teamwork', 'behavioural', 'Tell me about a time you supported a colleague during a busy shift.'],
  ['q-nur-13', 'technical', 'technical', 'What do you do to prevent infections on a ward?'],
  ['q-nur-14', 'communication', 'situational', 'A patient refuses a treatment the doctor has prescribed. What do you do?'],
  ['q-nur-15', 'leadership', 'behavioural', 'Tell me about a time you spoke up about patient safety.'],
  ['q-nur-16', 'career', 'motivation', 'Which area of nursing interests you most, and why?'],
]);

const graduate = forRole('graduate', [
  ['q-grad-01', 'career', 'motivation', 'Why did you choose your degree, and how has it prepared you for this job?'],
  ['q-grad-02', 'teamwork', 'behavioural', 'Tell me about a group project at university. What was your role?'],
  ['q-grad-03', 'behavioral', 'behavioural', 'Describe a time you balanced your studies with other commitments.'],
  ['q-grad-04', 'career', 'behavioural', 'What did you learn from your internship or part-time job?'],
  ['q-grad-05', 'career', 'motivation', 'Why do you want to join our graduate programme?'],
  ['q-grad-06', 'behavioral', 'behavioural', 'Tell me about a time you were outside your comfort zone.'],
  ['q-grad-07', 'leadership', 'behavioural', 'Describe a time you organised an event or led a club or society.'],
  ['q-grad-08', 'problem-solving', 'behavioural', 'Tell me about a piece of work you are proud of from your studies.'],
  ['q-grad-09', 'career', 'motivation', 'What do you hope to have achieved in your first year with us?'],
  ['q-grad-10', 'behavioral', 'behavioural', 'Describe a time you received a disappointing result. What did you do?'],
  ['q-grad-11', 'communication', 'behavioural', 'Tell me about a presentation you gave. How did you prepare?'],
  ['q-grad-12', 'problem-solving', 'situational', 'You are given your first project and do not know where to start. What do you do?'],
  ['q-grad-13', 'career', 'general', 'Which skills do you still want to develop, and how will you do it?'],
  ['q-grad-14', 'general', 'general', 'What is something you taught yourself outside your course?'],
  ['q-grad-15', 'teamwork', 'behavioural', 'Tell me about a time a teammate was not contributing. How did you handle it?'],
  ['q-grad-16', 'general', 'general', 'What current trend in our industry interests you, and why?'],
]);

const productManager = forRole('product-manager', [
  ['q-pm-01', 'technical', 'technical', 'How do you decide what to build next when everything seems important?'],
  ['q-pm-02', 'technical', 'technical', 'Pick a product you use every day. How would you improve it?'],
  ['q-pm-03', 'problem-solving', 'technical', 'How would you measure whether a new feature is successful?'],
  ['q-pm-04', 'behavioral', 'behavioural', 'Tell me about a product you launched. What went well and what did not?'],
  ['q-pm-05', 'leadership', 'behavioural', 'Describe a time you had to say no to an important stakeholder.'],
  ['q-pm-06', 'teamwork', 'behavioural', 'Tell me about a time engineering and design disagreed. How did you help them decide?'],
  ['q-pm-07', 'problem-solving', 'situational', 'A key metric dropped ten percent overnight. How do you investigate?'],
  ['q-pm-08', 'customer', 'technical', 'How do you learn what customers really need?'],
  ['q-pm-09', 'behavioral', 'behavioural', 'Tell me about a feature you killed. Why did you stop it?'],
  ['q-pm-10', 'communication', 'technical', 'How do you write a good product requirement?'],
  ['q-pm-11', 'problem-solving', 'behavioural', 'Describe a decision you made with incomplete data. How did it turn out?'],
  ['q-pm-12', 'leadership', 'situational', 'Your team is behind schedule for a launch that sales has already promised. What do you do?'],
  ['q-pm-13', 'career', 'motivation', 'Why product management rather than engineering, design or marketing?'],
  ['q-pm-14', 'technical', 'technical', 'How would you price a new subscription product?'],
  ['q-pm-15', 'communication', 'behavioural', 'Tell me about a time you changed a roadmap after feedback.'],
  ['q-pm-16', 'technical', 'technical', 'How do you balance fixing technical debt with building new features?'],
]);

const customerService = forRole('customer-service', [
  ['q-cs-01', 'customer', 'behavioural', 'Tell me about a time you dealt with an angry customer.'],
  ['q-cs-02', 'customer', 'situational', 'A customer asks for a refund that our policy does not allow. What do you do?'],
  ['q-cs-03', 'customer', 'behavioural', 'Describe a time you went out of your way to help a customer.'],
  ['q-cs-04', 'customer', 'general', 'What does good customer service mean to you?'],
  ['q-cs-05', 'problem-solving', 'situational', 'You do not know the answer to a customer\'s question. What do you say?'],
  ['q-cs-06', 'problem-solving', 'situational', 'The queue is long and a customer wants a long conversation. How do you handle it?'],
  ['q-cs-07', 'communication', 'behavioural', 'Tell me about a time you had to say no to a customer and keep them happy.'],
  ['q-cs-08', 'teamwork', 'behavioural', 'Describe a time you passed a customer\'s problem to another team and followed it up.'],
  ['q-cs-09', 'customer', 'behavioural', 'Tell me about feedback from a customer that changed how you work.'],
  ['q-cs-10', 'behavioral', 'behavioural', 'How do you stay calm and polite after a difficult call?'],
  ['q-cs-11', 'technical', 'technical', 'How do you record a customer issue so that a colleague can pick it up later?'],
  ['q-cs-12', 'customer', 'situational', 'A customer is abusive on the phone. What do you do?'],
  ['q-cs-13', 'problem-solving', 'behavioural', 'Tell me about a recurring complaint you helped fix for good.'],
  ['q-cs-14', 'career', 'motivation', 'Why do you want to work in customer service?'],
  ['q-cs-15', 'communication', 'situational', 'How would you explain a delay to a customer who has already waited a week?'],
  ['q-cs-16', 'customer', 'behavioural', 'Describe a time you turned an unhappy customer into a loyal one.'],
]);

const teacher = forRole('teacher', [
  ['q-tea-01', 'career', 'motivation', 'Why do you want to be a teacher?'],
  ['q-tea-02', 'technical', 'technical', 'How do you plan a lesson for a class with a wide range of abilities?'],
  ['q-tea-03', 'behavioral', 'behavioural', 'Tell me about a lesson that went badly. What did you change?'],
  ['q-tea-04', 'problem-solving', 'situational', 'A student keeps disrupting your class. What do you do?'],
  ['q-tea-05', 'technical', 'technical', 'How do you know that your students have understood a topic?'],
  ['q-tea-06', 'communication', 'behavioural', 'Describe a difficult conversation with a parent or carer.'],
  ['q-tea-07', 'customer', 'behavioural', 'Tell me about a student you helped make real progress.'],
  ['q-tea-08', 'technical', 'technical', 'How do you support students with special educational needs in your lessons?'],
  ['q-tea-09', 'teamwork', 'behavioural', 'Describe how you have worked with other teachers or teaching assistants.'],
  ['q-tea-10', 'technical', 'technical', 'How do you use technology in your teaching?'],
  ['q-tea-11', 'problem-solving', 'situational', 'A student tells you something that worries you about their safety. What do you do?'],
  ['q-tea-12', 'leadership', 'behavioural', 'Tell me about an activity outside lessons that you led.'],
  ['q-tea-13', 'technical', 'technical', 'How do you motivate a student who has given up on your subject?'],
  ['q-tea-14', 'career', 'behavioural', 'How do you manage your marking and planning workload?'],
  ['q-tea-15', 'communication', 'situational', 'How would you explain a hard idea in your subject to a ten-year-old?'],
  ['q-tea-16', 'career', 'motivation', 'What does a good school look like to you?'],
]);

const dataAnalyst = forRole('data-analyst', [
  ['q-da-01', 'technical', 'technical', 'Walk me through how you clean a messy data set.'],
  ['q-da-02', 'technical', 'technical', 'Explain the difference between correlation and causation with an example.'],
  ['q-da-03', 'communication', 'behavioural', 'Tell me about an analysis that changed a decision. How did you present it?'],
  ['q-da-04', 'technical', 'technical', 'How would you design an A/B test for a new checkout page?'],
  ['q-da-05', 'problem-solving', 'situational', 'Two reports show different numbers for the same metric. How do you find out why?'],
  ['q-da-06', 'technical', 'technical', 'What is the difference between an inner join and a left join, and when does it matter?'],
  ['q-da-07', 'communication', 'technical', 'How do you choose the right chart for a finding?'],
  ['q-da-08', 'behavioral', 'behavioural', 'Tell me about a time your analysis turned out to be wrong. What did you do?'],
  ['q-da-09', 'customer', 'situational', 'A manager asks for a dashboard by tomorrow but the data is unreliable. What do you say?'],
  ['q-da-10', 'technical', 'technical', 'How do you handle missing values in a data set?'],
  ['q-da-11', 'teamwork', 'behavioural', 'Describe a project where you worked with engineers to get the data you needed.'],
  ['q-da-12', 'career', 'motivation', 'Which kinds of questions do you most enjoy answering with data?'],
]);

export const seedQuestions: SeedQuestion[] = [...general, ...softwareEngineer, ...sales, ...nurse, ...graduate, ...productManager, ...customerService, ...teacher, ...dataAnalyst];
